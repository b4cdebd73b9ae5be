//! Headless export of the map (PNG and SVG).
