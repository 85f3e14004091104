"""The questionnaire format: models, safe YAML, loading with located errors, schema, catalog."""
