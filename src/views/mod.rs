//! The app's views, one module per part of the page.

pub mod article_list;
pub mod article_view;
pub mod comparison;
pub mod cooccurrence;
pub mod entity_page;
pub mod facets;
pub mod figures_table;
pub mod marked;
pub mod masthead;
pub mod overview;
pub mod text_gate;
