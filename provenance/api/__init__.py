"""The REST API: one Controller per resource."""
