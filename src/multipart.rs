//! Files in multipart/form-data bodies. build.rs generates one typed struct per
//! multipart body schema, with a `to_form` appending each field.

use crate::error::Error;
use reqwest::multipart::Part;

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
    /// This file as a form part (the generated `to_form` methods call it).
    pub(crate) fn part(&self) -> Result<Part, Error> {
        Part::stream(reqwest::Body::from(self.bytes.clone()))
            .file_name(self.file_name.clone())
            .mime_str(&self.content_type)
            .map_err(|_| {
                Error::InvalidRequest(format!(
                    "`{}` is not a valid content type",
                    self.content_type
                ))
            })
    }

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
