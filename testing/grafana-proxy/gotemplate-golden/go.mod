module gotemplategolden

go 1.26
