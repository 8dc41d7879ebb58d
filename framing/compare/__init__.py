"""Cross-article comparison: tables, groups, statistics, summary, vocabulary."""
