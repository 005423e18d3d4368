"""Read data/*.yml and check it; every error names the file, the key, the value, what was expected."""
