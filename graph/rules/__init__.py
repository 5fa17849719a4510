"""Rules: load the rule files of schema/rules/ (or a user's folder), check them and their examples, and report their coverage."""
