//! Parts of multipart/form-data bodies. build.rs generates one typed struct per
//! multipart body schema; its `to_form` appends each field through [`FormValue`].

use crate::error::Error;
use reqwest::multipart::{Form, Part};

/// A file to upload: its bytes, file name and content type.
#[derive(Clone, Debug, PartialEq)]
pub struct FilePart {
    /// The file's content.
    pub bytes: bytes::Bytes,
    /// File name sent in the part's `Content-Disposition`.
    pub file_name: String,
    /// Content type of the part, e.g. `audio/wav`.
    pub content_type: String,
}

impl FilePart {
    /// A file part from bytes, a file name and a content type.
    pub fn new(
        bytes: impl Into<bytes::Bytes>,
        file_name: impl Into<String>,
        content_type: impl Into<String>,
    ) -> Self {
        FilePart {
            bytes: bytes.into(),
            file_name: file_name.into(),
            content_type: content_type.into(),
        }
    }
}

/// A field type that knows how to add itself to a form.
pub trait FormValue {
    /// Appends this value as part(s) named `name`.
    fn append(&self, name: &'static str, form: Form) -> Result<Form, Error>;
}

impl FormValue for FilePart {
    fn append(&self, name: &'static str, form: Form) -> Result<Form, Error> {
        let part = Part::stream(reqwest::Body::from(self.bytes.clone()))
            .file_name(self.file_name.clone())
            .mime_str(&self.content_type)
            .map_err(|_| {
                Error::InvalidRequest(format!(
                    "`{}` is not a valid content type",
                    self.content_type
                ))
            })?;
        Ok(form.part(name, part))
    }
}

macro_rules! text_value {
    ($($ty:ty),*) => {$(
        impl FormValue for $ty {
            fn append(&self, name: &'static str, form: Form) -> Result<Form, Error> {
                Ok(form.text(name, self.to_string()))
            }
        }
    )*};
}
text_value!(String, i64, f64, bool);

impl<T: FormValue> FormValue for Option<T> {
    fn append(&self, name: &'static str, form: Form) -> Result<Form, Error> {
        match self {
            Some(value) => value.append(name, form),
            None => Ok(form),
        }
    }
}

/// Repeated parts with the same name, one per item.
impl<T: FormValue> FormValue for Vec<T> {
    fn append(&self, name: &'static str, form: Form) -> Result<Form, Error> {
        self.iter()
            .try_fold(form, |form, value| value.append(name, form))
    }
}
