"""SLIM: matching the professional's approach to how a client sees themself."""
