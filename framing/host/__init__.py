"""The plugin host: loading plugins, running analyzers, workers, the results store, caches."""
