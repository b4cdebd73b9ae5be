//! Credit lines the data's licences ask to travel with every map and table. In `model` so
//! that the exporter (`render`) and the app can credit the data without reading files.

/// The attribution the Open Government Licence asks to travel with the boundaries.
pub const ATTRIBUTION: &str = "Contains OS data © Crown copyright and database right. Contains Ordnance Survey, \
Office for National Statistics, National Records Scotland and LPS Intellectual Property data © Crown copyright \
and database right 2016. Results: London Datastore (2014), Democracy Club (2018).";

/// A one-line form of [`ATTRIBUTION`] for status bars and exported images.
pub const ATTRIBUTION_SHORT: &str = "Contains OS data © Crown copyright and database right. Source: ONS (OGL v3).";
