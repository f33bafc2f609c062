//! JavaScript values read as plain data (`serde_json::Value`), at most
//! [`MAX_DEPTH`] arrays and objects deep.
//!
//! serde-wasm-bindgen recurses once per level and has no limit of its own: an
//! object that contains itself (`o.self = o`) recursed until the WebAssembly
//! stack ran into the module's memory, and every later call, `new Engine()`
//! included, failed with "memory access out of bounds". So the conversion is
//! wrapped: [`Limited`] is serde-wasm-bindgen's deserializer with a depth
//! counter, passed down through every array element and object key and value,
//! and entering one level too many is an error instead of a deeper call. The
//! value is read once, exactly as serde-wasm-bindgen reads it (a getter runs
//! once, a `Map` is an object, a `Uint8Array` is refused), so what is accepted
//! is what was accepted before.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use wasm_bindgen::JsValue;

/// The deepest nesting of arrays and objects read. The deepest value Sapan takes
/// (an alignment handed back: `alignment.outcomes[i].matches[j].evidence…`) is
/// under ten levels, so 128 is far above any real argument, and it is the limit
/// serde_json's own parser keeps for the same reason; yet 128 levels of this
/// recursion use a small part of the stack (1 MB), so refusing happens well
/// before anything breaks. A cycle always goes past it.
pub const MAX_DEPTH: usize = 128;

/// Why a value could not be read.
pub enum Refusal {
    /// Nested more than [`MAX_DEPTH`] levels, or refers to itself.
    TooDeep,
    /// Not plain data (a function, a `Set`, a typed array…): serde's message.
    NotPlain(String),
}

/// `value` as a JSON value, refused past [`MAX_DEPTH`] levels.
pub fn read(value: JsValue) -> Result<Value, Refusal> {
    // The error type is serde-wasm-bindgen's, which cannot carry a kind: the
    // flag says whether the limit, rather than the value's shape, stopped it.
    let too_deep = Cell::new(false);
    let limited = Limited {
        inner: serde_wasm_bindgen::Deserializer::from(value),
        depth: 0,
        too_deep: &too_deep,
    };
    Value::deserialize(limited).map_err(|e| {
        if too_deep.get() {
            Refusal::TooDeep
        } else {
            Refusal::NotPlain(e.to_string())
        }
    })
}

/// A deserializer at `depth` levels of arrays and objects.
struct Limited<'f, D> {
    inner: D,
    depth: usize,
    too_deep: &'f Cell<bool>,
}

impl<'f, D> Limited<'f, D> {
    fn visitor<V>(&self, inner: V) -> LimitedVisitor<'f, V> {
        LimitedVisitor {
            inner,
            depth: self.depth,
            too_deep: self.too_deep,
        }
    }
}

/// Each `deserialize_*` asks the same of serde-wasm-bindgen, with the visitor wrapped.
macro_rules! forward {
    ($($method:ident($($arg:ident: $ty:ty),*)),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            let visitor = self.visitor(visitor);
            self.inner.$method($($arg,)* visitor)
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Limited<'_, D> {
    type Error = D::Error;

    forward! {
        deserialize_any(), deserialize_bool(), deserialize_i8(), deserialize_i16(),
        deserialize_i32(), deserialize_i64(), deserialize_i128(), deserialize_u8(),
        deserialize_u16(), deserialize_u32(), deserialize_u64(), deserialize_u128(),
        deserialize_f32(), deserialize_f64(), deserialize_char(), deserialize_str(),
        deserialize_string(), deserialize_bytes(), deserialize_byte_buf(),
        deserialize_option(), deserialize_unit(), deserialize_seq(), deserialize_map(),
        deserialize_identifier(), deserialize_ignored_any(),
        deserialize_unit_struct(name: &'static str),
        deserialize_newtype_struct(name: &'static str),
        deserialize_tuple(len: usize),
        deserialize_tuple_struct(name: &'static str, len: usize),
        deserialize_struct(name: &'static str, fields: &'static [&'static str]),
        deserialize_enum(name: &'static str, variants: &'static [&'static str]),
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

struct LimitedVisitor<'f, V> {
    inner: V,
    depth: usize,
    too_deep: &'f Cell<bool>,
}

impl<'f, V> LimitedVisitor<'f, V> {
    /// The depth of what is inside the array or object being entered, or the
    /// refusal when that is one level too many.
    fn enter<E: de::Error>(&self) -> Result<usize, E> {
        if self.depth >= MAX_DEPTH {
            self.too_deep.set(true);
            return Err(E::custom("nested too deep"));
        }
        Ok(self.depth + 1)
    }
}

/// Each `visit_*` of a single value passes it on as it is.
macro_rules! pass {
    ($($method:ident($ty:ty)),* $(,)?) => {$(
        fn $method<E: de::Error>(self, v: $ty) -> Result<Self::Value, E> {
            self.inner.$method(v)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for LimitedVisitor<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.inner.expecting(f)
    }

    pass! {
        visit_bool(bool), visit_i8(i8), visit_i16(i16), visit_i32(i32), visit_i64(i64),
        visit_i128(i128), visit_u8(u8), visit_u16(u16), visit_u32(u32), visit_u64(u64),
        visit_u128(u128), visit_f32(f32), visit_f64(f64), visit_char(char),
        visit_str(&str), visit_borrowed_str(&'de str), visit_string(String),
        visit_bytes(&[u8]), visit_borrowed_bytes(&'de [u8]), visit_byte_buf(Vec<u8>),
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.inner.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        let depth = self.depth;
        self.inner.visit_some(Limited {
            inner: d,
            depth,
            too_deep: self.too_deep,
        })
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        let depth = self.depth;
        self.inner.visit_newtype_struct(Limited {
            inner: d,
            depth,
            too_deep: self.too_deep,
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        let depth = self.enter()?;
        self.inner.visit_seq(LimitedAccess {
            inner: seq,
            depth,
            too_deep: self.too_deep,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let depth = self.enter()?;
        self.inner.visit_map(LimitedAccess {
            inner: map,
            depth,
            too_deep: self.too_deep,
        })
    }

    // No `visit_enum`: deserializing a `serde_json::Value` never asks for one,
    // and the default (refusing it) is what `Value`'s own visitor does.
}

/// An array's elements or an object's entries, each read one level deeper.
struct LimitedAccess<'f, A> {
    inner: A,
    depth: usize,
    too_deep: &'f Cell<bool>,
}

impl<'f, A> LimitedAccess<'f, A> {
    fn seed<S>(&self, inner: S) -> LimitedSeed<'f, S> {
        LimitedSeed {
            inner,
            depth: self.depth,
            too_deep: self.too_deep,
        }
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for LimitedAccess<'_, A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        let seed = self.seed(seed);
        self.inner.next_element_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for LimitedAccess<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let seed = self.seed(seed);
        self.inner.next_key_seed(seed)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        let seed = self.seed(seed);
        self.inner.next_value_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

struct LimitedSeed<'f, S> {
    inner: S,
    depth: usize,
    too_deep: &'f Cell<bool>,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for LimitedSeed<'_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.inner.deserialize(Limited {
            inner: d,
            depth: self.depth,
            too_deep: self.too_deep,
        })
    }
}
