x = a + import
