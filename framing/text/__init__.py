"""The text pipeline: reading inputs, cleaning, segmenting into a Document once."""
