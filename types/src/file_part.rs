//! Files in multipart/form-data bodies: what a generated multipart body holds
//! for each file field (the `zai` runtime streams it onto the wire).

use bytes::Bytes;
use std::path::PathBuf;

/// A file to upload: its content, file name and content type.
#[derive(Clone, Debug, PartialEq)]
pub struct FilePart {
    /// The file's content.
    pub content: FileContent,
    /// File name sent in the part's `Content-Disposition`.
    pub file_name: String,
    /// Content type of the part, e.g. `audio/wav`.
    pub content_type: String,
}

/// Where a [`FilePart`]'s bytes come from.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum FileContent {
    /// Bytes in memory.
    Bytes(Bytes),
    /// A file on disk, streamed while it is sent (read again for each attempt),
    /// so an upload of any size holds only a small buffer in memory.
    Path(PathBuf),
}

impl FilePart {
    /// A file part from bytes, a file name and a content type.
    pub fn new(
        bytes: impl Into<Bytes>,
        file_name: impl Into<String>,
        content_type: impl Into<String>,
    ) -> Self {
        FilePart {
            content: FileContent::Bytes(bytes.into()),
            file_name: file_name.into(),
            content_type: content_type.into(),
        }
    }

    /// A file part streamed from a file on disk when the request is sent (a
    /// missing or unreadable file then fails the call with `zai::Error::Io`).
    pub fn from_path(
        path: impl Into<PathBuf>,
        file_name: impl Into<String>,
        content_type: impl Into<String>,
    ) -> Self {
        FilePart {
            content: FileContent::Path(path.into()),
            file_name: file_name.into(),
            content_type: content_type.into(),
        }
    }
}
