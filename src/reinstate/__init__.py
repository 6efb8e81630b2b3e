"""reinstate: write and check Plans of Action for suspended Amazon sellers, on your own machine."""

__version__ = "0.1.0"
