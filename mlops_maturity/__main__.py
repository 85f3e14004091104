"""Run the command line with ``python -m mlops_maturity``."""

from mlops_maturity.cli.main import main

main()
