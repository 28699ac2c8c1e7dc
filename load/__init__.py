"""`make load`: many browser sessions against one server (not part of `make test`)."""
