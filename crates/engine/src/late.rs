//! [`Late`]: a field that may be filled in after the value holding it was built and shared.
//!
//! An article's text and blocks are the bulk of a corpus. When a large corpus is served in
//! parts, the app starts with every article's metadata and the index, and an article's text
//! arrives later, when a snippet or the article itself is shown (see the `texts` module). The
//! snapshot is shared read-only for the whole session, so the text is filled in through a
//! shared reference, once. Until then it reads as empty.

use serde::{Serialize, Serializer};
use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::OnceLock;

/// A value that reads as empty until it is filled, at most once, through a shared reference.
#[derive(Clone, Default, PartialEq)]
pub struct Late<T>(OnceLock<T>);

/// Types with a shared empty value, which an unfilled [`Late`] reads as.
pub trait Empty: Default + 'static {
    /// The empty value.
    fn empty() -> &'static Self;
}

impl Empty for String {
    fn empty() -> &'static String {
        static EMPTY: String = String::new();
        &EMPTY
    }
}

impl Empty for Vec<u8> {
    fn empty() -> &'static Self {
        static EMPTY: Vec<u8> = Vec::new();
        &EMPTY
    }
}

impl Empty for Vec<crate::document::Block> {
    fn empty() -> &'static Self {
        static EMPTY: Vec<crate::document::Block> = Vec::new();
        &EMPTY
    }
}

impl Empty for Vec<crate::entities::Mention> {
    fn empty() -> &'static Self {
        static EMPTY: Vec<crate::entities::Mention> = Vec::new();
        &EMPTY
    }
}

impl Empty for Vec<crate::figures::Figure> {
    fn empty() -> &'static Self {
        static EMPTY: Vec<crate::figures::Figure> = Vec::new();
        &EMPTY
    }
}

impl<T> Late<T> {
    /// A value not filled yet.
    pub fn unfilled() -> Late<T> {
        Late(OnceLock::new())
    }

    /// Whether the value is there.
    pub fn is_filled(&self) -> bool {
        self.0.get().is_some()
    }

    /// Fills the value; `false` (and `value` dropped) if it was filled already.
    pub fn fill(&self, value: T) -> bool {
        self.0.set(value).is_ok()
    }

    /// The value, if filled.
    pub fn filled(&self) -> Option<&T> {
        self.0.get()
    }

    /// The value, if filled, leaving this unfilled.
    pub fn take(&mut self) -> Option<T> {
        self.0.take()
    }
}

impl<T> From<T> for Late<T> {
    fn from(value: T) -> Late<T> {
        Late(OnceLock::from(value))
    }
}

impl From<&str> for Late<String> {
    fn from(value: &str) -> Late<String> {
        Late::from(value.to_string())
    }
}

impl<T: Empty> Deref for Late<T> {
    type Target = T;
    fn deref(&self) -> &T {
        match self.0.get() {
            Some(value) => value,
            None => T::empty(),
        }
    }
}

impl<T: Empty> DerefMut for Late<T> {
    fn deref_mut(&mut self) -> &mut T {
        if self.0.get().is_none() {
            let _ = self.0.set(T::default());
        }
        self.0.get_mut().expect("filled just above")
    }
}

impl<'a, T: Empty> IntoIterator for &'a Late<T>
where
    &'a T: IntoIterator,
{
    type Item = <&'a T as IntoIterator>::Item;
    type IntoIter = <&'a T as IntoIterator>::IntoIter;
    fn into_iter(self) -> Self::IntoIter {
        (**self).into_iter()
    }
}

impl<T: Empty + fmt::Debug> fmt::Debug for Late<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.get() {
            Some(value) => value.fmt(f),
            None => f.write_str("<not loaded>"),
        }
    }
}

impl<T: Empty + fmt::Display> fmt::Display for Late<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}

impl<T: Empty + Serialize> Serialize for Late<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(serializer)
    }
}

impl PartialEq<str> for Late<String> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Late<String> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_empty_until_filled_once() {
        let text: Late<String> = Late::unfilled();
        assert!(!text.is_filled());
        assert_eq!(text.len(), 0);
        assert!(text.fill("Pjöngjang".into()));
        assert_eq!(text, "Pjöngjang");
        assert!(!text.fill("Seoul".into()), "a second fill is refused");
        assert_eq!(text.filled().map(String::as_str), Some("Pjöngjang"));
    }

    #[test]
    fn writing_through_it_fills_it() {
        let mut text: Late<String> = Late::unfilled();
        text.push_str("Kursk");
        assert!(text.is_filled());
        assert_eq!(text.take().as_deref(), Some("Kursk"));
        assert!(!text.is_filled());
    }
}
