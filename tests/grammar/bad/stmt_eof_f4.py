class C:


