s = ur"raw"
