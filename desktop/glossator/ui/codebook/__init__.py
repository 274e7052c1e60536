"""The codebook editor and the tag palette."""
