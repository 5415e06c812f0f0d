_ lambda / type
