//! Files in multipart/form-data bodies. build.rs generates one typed struct per
//! multipart body schema, with a `to_form` appending each field.

use crate::error::Error;
use bytes::{Bytes, BytesMut};
use reqwest::multipart::Part;
use std::path::PathBuf;
use tokio::io::AsyncReadExt as _;

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

/// Bytes read from a file per piece of a streamed upload.
const READ_PIECE: usize = 64 * 1024;

impl FilePart {
    /// This file as a form part (the generated `to_form` methods call it).
    pub(crate) fn part(&self) -> Result<Part, Error> {
        let part = match &self.content {
            FileContent::Bytes(bytes) => Part::stream(reqwest::Body::from(bytes.clone())),
            FileContent::Path(path) => {
                let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
                let length = file.metadata().map_err(|e| Error::io(path, e))?.len();
                let pieces = futures_util::stream::try_unfold(
                    tokio::fs::File::from_std(file),
                    |mut file| async move {
                        let mut piece = BytesMut::with_capacity(READ_PIECE);
                        match file.read_buf(&mut piece).await? {
                            0 => Ok::<_, std::io::Error>(None),
                            _ => Ok(Some((piece.freeze(), file))),
                        }
                    },
                );
                Part::stream_with_length(reqwest::Body::wrap_stream(pieces), length)
            }
        };
        part.file_name(self.file_name.clone())
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
    /// missing or unreadable file is then [`Error::Io`]).
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
