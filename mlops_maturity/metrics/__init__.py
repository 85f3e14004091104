"""Delivery metrics measured from records: DORA's four keys and rework rate, placed in clusters."""
