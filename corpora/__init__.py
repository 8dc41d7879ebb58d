"""Data that ships with framing: cleaning rules, lexicons, actor tables, example articles."""
