"""elsdesk: Early Life Support desk for a region going live on Cambio Cosmic."""

__version__ = "0.1.0"
