"""Recurring topics: group one week's tickets into the concrete problems several people reported."""
