"""Settings, defaults and the demo data set of the network."""
