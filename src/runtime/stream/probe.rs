//! A typed parse that also tells whether the JSON object it read carries a
//! non-null top-level `error`: the service's in-stream error object, noticed on
//! the way instead of by a second scan of every event.
//!
//! [`Tap`] wraps the deserializer the type reads from; its visitors are wrapped
//! in turn ([`Watch`]) so that the top-level map's keys and the value of an
//! `error` key are seen as they pass. Nothing else is touched: nested values go
//! to the type's own visitors unwrapped.

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use std::cell::Cell;

/// Parses `data` as `T`; the flag is whether its top-level object has a
/// non-null `error` (the last one, if the key repeats, as `serde_json::Value`
/// keeps it).
pub(crate) fn from_str_noting_error<T: de::DeserializeOwned>(
    data: &str,
) -> (serde_json::Result<T>, bool) {
    let state = State::default();
    let mut de = serde_json::Deserializer::from_str(data);
    let probe = Probe {
        role: Role::Top,
        state: &state,
    };
    let result = T::deserialize(Tap {
        inner: &mut de,
        probe,
    })
    .and_then(|value| {
        de.end()?;
        Ok(value)
    });
    (result, state.error.get())
}

#[derive(Default)]
struct State {
    /// A non-null top-level `error` was read.
    error: Cell<bool>,
    /// The top-level key just read is `error`.
    at_error: Cell<bool>,
}

/// What a wrapped deserializer is reading.
#[derive(Clone, Copy, PartialEq)]
enum Role {
    /// The whole value: its map, if it is one, is watched.
    Top,
    /// A key of the top-level map.
    Key,
    /// The value of a top-level `error` key.
    ErrorValue,
}

#[derive(Clone, Copy)]
struct Probe<'s> {
    role: Role,
    state: &'s State,
}

impl Probe<'_> {
    /// A string was read: as a key, is it `error`; as the error value, non-null.
    fn text(self, text: &[u8]) {
        match self.role {
            Role::Top => {}
            Role::Key => self.state.at_error.set(text == b"error"),
            Role::ErrorValue => self.state.error.set(true),
        }
    }

    /// Anything but a string or null was read.
    fn other(self) {
        match self.role {
            Role::Top => {}
            Role::Key => self.state.at_error.set(false),
            Role::ErrorValue => self.state.error.set(true),
        }
    }

    /// Null was read.
    fn null(self) {
        match self.role {
            Role::Top => {}
            Role::Key => self.state.at_error.set(false),
            Role::ErrorValue => self.state.error.set(false),
        }
    }
}

/// A deserializer handing `probe` every visitor it is given.
struct Tap<'s, D> {
    inner: D,
    probe: Probe<'s>,
}

/// A visitor telling `probe` what it is shown, then passing it on.
struct Watch<'s, V> {
    inner: V,
    probe: Probe<'s>,
}

/// The top-level map, its keys and `error` value watched.
struct TopMap<'s, A> {
    inner: A,
    state: &'s State,
}

/// A seed deserializing through a [`Tap`].
struct Tapped<'s, S> {
    inner: S,
    probe: Probe<'s>,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Tapped<'_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        self.inner.deserialize(Tap {
            inner: deserializer,
            probe: self.probe,
        })
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for TopMap<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.state.at_error.set(false);
        let probe = Probe {
            role: Role::Key,
            state: self.state,
        };
        self.inner.next_key_seed(Tapped { inner: seed, probe })
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        if !self.state.at_error.get() {
            return self.inner.next_value_seed(seed);
        }
        let probe = Probe {
            role: Role::ErrorValue,
            state: self.state,
        };
        self.inner.next_value_seed(Tapped { inner: seed, probe })
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// Deserializer methods passing a watched visitor on.
macro_rules! tap {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            let visitor = Watch { inner: visitor, probe: self.probe };
            self.inner.$method($($arg,)* visitor)
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Tap<'_, D> {
    type Error = D::Error;

    tap! {
        deserialize_any();
        deserialize_bool();
        deserialize_i8();
        deserialize_i16();
        deserialize_i32();
        deserialize_i64();
        deserialize_i128();
        deserialize_u8();
        deserialize_u16();
        deserialize_u32();
        deserialize_u64();
        deserialize_u128();
        deserialize_f32();
        deserialize_f64();
        deserialize_char();
        deserialize_str();
        deserialize_string();
        deserialize_bytes();
        deserialize_byte_buf();
        deserialize_option();
        deserialize_unit();
        deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str);
        deserialize_seq();
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_map();
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        deserialize_identifier();
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        if self.probe.role != Role::ErrorValue {
            let visitor = Watch {
                inner: visitor,
                probe: self.probe,
            };
            return self.inner.deserialize_ignored_any(visitor);
        }
        // Skipping tells nothing of the value: read it as what it is.
        let probe = self.probe;
        self.inner.deserialize_any(Watch {
            inner: IgnoredAny,
            probe,
        })?;
        visitor.visit_unit()
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

/// Visitor methods of one argument telling the probe `$note` first.
macro_rules! watch {
    ($($method:ident($ty:ty) $note:ident;)*) => {$(
        fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
            watch!(@note self, v, $note);
            self.inner.$method(v)
        }
    )*};
    (@note $self:ident, $v:ident, other) => { $self.probe.other() };
    (@note $self:ident, $v:ident, str) => { $self.probe.text($v.as_bytes()) };
    (@note $self:ident, $v:ident, bytes) => { $self.probe.text(&$v) };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Watch<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        self.inner.expecting(f)
    }

    watch! {
        visit_bool(bool) other;
        visit_i8(i8) other;
        visit_i16(i16) other;
        visit_i32(i32) other;
        visit_i64(i64) other;
        visit_i128(i128) other;
        visit_u8(u8) other;
        visit_u16(u16) other;
        visit_u32(u32) other;
        visit_u64(u64) other;
        visit_u128(u128) other;
        visit_f32(f32) other;
        visit_f64(f64) other;
        visit_char(char) other;
        visit_str(&str) str;
        visit_borrowed_str(&'de str) str;
        visit_string(String) str;
        visit_bytes(&[u8]) bytes;
        visit_borrowed_bytes(&'de [u8]) bytes;
        visit_byte_buf(Vec<u8>) bytes;
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.probe.null();
        self.inner.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.probe.null();
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.probe.other();
        match self.probe.role {
            // `Some` around the whole value: its map is still the top level.
            Role::Top => self.inner.visit_some(Tap {
                inner: deserializer,
                probe: self.probe,
            }),
            _ => self.inner.visit_some(deserializer),
        }
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<V::Value, D::Error> {
        self.probe.other();
        match self.probe.role {
            Role::Top => self.inner.visit_newtype_struct(Tap {
                inner: deserializer,
                probe: self.probe,
            }),
            _ => self.inner.visit_newtype_struct(deserializer),
        }
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.probe.other();
        self.inner.visit_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.probe.other();
        match self.probe.role {
            Role::Top => self.inner.visit_map(TopMap {
                inner: map,
                state: self.probe.state,
            }),
            _ => self.inner.visit_map(map),
        }
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.probe.other();
        self.inner.visit_enum(data)
    }
}

#[cfg(test)]
#[path = "../../../tests/unit/probe.rs"]
mod tests;
