"""Built-in exporters: one module per output format."""
