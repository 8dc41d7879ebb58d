"""Language services that two or more analyzers share, computed once per article."""
