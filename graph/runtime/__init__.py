"""What runs a build: the per-article extraction cache, the process pool and Dask engines, the collector pause."""
