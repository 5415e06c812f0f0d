to a public API if there is demand
