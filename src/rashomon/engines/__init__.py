"""Engines that run the per-article stage somewhere other than a local process pool."""
