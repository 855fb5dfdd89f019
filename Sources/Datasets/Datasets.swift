// The Datasets module: loaders for the shipped data and the standard formats.
