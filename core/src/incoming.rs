//! What a file, a shared text or a scanned code handed to a phone is, recognised by its content.
//!
//! Chat apps rename files, strip extensions and hand over a pass as text or as a screenshot; an
//! app that routes by file name or by trying one import after another gets it wrong and shows
//! the wrong refusal. So the content decides, once, here: a bundle and a log by their magic
//! bytes, a pass, a log code or a number code by their prefix, an image by its signature. Then
//! one import call on each app role takes anything and says what it did.

use crate::error::{Error, Refusal, Result};
use crate::log::{self, QrProgress};
use crate::pass::PASS_PREFIX;
use crate::scanner::{BundleSummary, ImportSummary, Scanner};
use crate::shot;
use crate::text::Text;

/// Longest text taken as a pasted or shared code (a pass is 118 characters; a chat message may
/// wrap it, a log code is under 3 KB).
const MAX_TEXT: usize = 8 * 1024;

/// What some bytes are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Incoming {
    /// A bundle for staff phones.
    ScannerBundle,
    /// A bundle for students (the class's "student pack").
    StudentBundle,
    /// A device log file.
    Log,
    /// One code of a log sent as QR codes (the text).
    LogCode(String),
    /// A student's pass (the text).
    Pass(String),
    /// The small code a studio phone shows with a student's 摄影编号 (the text).
    NumberCode(String),
    /// A PNG or JPEG picture (a pass card, a screenshot, a photo of a code).
    Image,
    /// Anything else.
    Unknown,
}

/// Recognises `bytes` by content alone.
pub fn recognise(bytes: &[u8]) -> Incoming {
    if bytes.starts_with(b"PDB") && bytes.len() > 4 {
        return match bytes[4] {
            1 => Incoming::ScannerBundle,
            2 => Incoming::StudentBundle,
            _ => Incoming::Unknown,
        };
    }
    if bytes.starts_with(b"PDL") && !bytes.starts_with(log::QR_PREFIX.as_bytes()) {
        return Incoming::Log;
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") || bytes.starts_with(b"\xff\xd8\xff") {
        return Incoming::Image;
    }
    if bytes.len() > MAX_TEXT {
        return Incoming::Unknown;
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Incoming::Unknown;
    };
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.starts_with(log::QR_PREFIX) {
        Incoming::LogCode(text.to_string())
    } else if text.starts_with(shot::PREFIX) {
        Incoming::NumberCode(text.to_string())
    } else if text.starts_with(PASS_PREFIX) {
        Incoming::Pass(text.to_string())
    } else {
        Incoming::Unknown
    }
}

/// What a staff device did with something it was handed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaffImport {
    /// A scanner bundle was imported.
    Bundle(BundleSummary),
    /// A log file was merged.
    Log(ImportSummary),
    /// A log code was taken; the log is merged once the last one arrives.
    LogCode {
        progress: QrProgress,
        merged: Option<ImportSummary>,
    },
}

impl StaffImport {
    /// One line saying what happened, in both languages.
    pub fn text(&self) -> Text {
        match self {
            StaffImport::Bundle(b) => {
                let (names_zh, names_en) = if b.with_names {
                    ("含姓名", "with names")
                } else {
                    ("仅学号", "numbers only")
                };
                let (kept_zh, kept_en) = if b.replaced {
                    (
                        "；已替换旧数据包，记录保留",
                        "; replaced the older bundle, records kept",
                    )
                } else {
                    ("", "")
                };
                Text::new(
                    format!(
                        "已导入{}：{} 个场次，{} 名学生（{names_zh}）{kept_zh}",
                        b.title.zh, b.sessions, b.students
                    ),
                    format!(
                        "Imported {}: {} sessions, {} students ({names_en}){kept_en}",
                        b.title.en, b.sessions, b.students
                    ),
                )
            }
            StaffImport::Log(s)
            | StaffImport::LogCode {
                merged: Some(s), ..
            } => merged_text(s),
            StaffImport::LogCode { progress, .. } if progress.already_merged => Text::new(
                "这组记录二维码已经收过了，可以扫下一台手机",
                "This log was already received; scan the next phone",
            ),
            StaffImport::LogCode { progress, .. } => Text::new(
                format!(
                    "已收到 {}/{} 个记录二维码",
                    progress.received, progress.total
                ),
                format!(
                    "{} of {} log codes received",
                    progress.received, progress.total
                ),
            ),
        }
    }
}

/// The merge and, after it, every conflict it revealed (a number held by two students): said
/// loudly, on the same screen.
fn merged_text(s: &ImportSummary) -> Text {
    let mut zh = format!(
        "已合并 {} 条新记录（{} 条已有），来自 {} 台设备",
        s.added,
        s.known,
        s.devices.len()
    );
    let mut en = format!(
        "Merged {} new records ({} already here) from {} device(s)",
        s.added,
        s.known,
        s.devices.len()
    );
    for w in &s.warnings {
        zh.push('\n');
        zh.push_str(&w.zh);
        en.push('\n');
        en.push_str(&w.en);
    }
    Text::new(zh, en)
}

impl Scanner {
    /// Imports whatever a staff device was handed — a scanner bundle, another phone's log file,
    /// one of its log codes, or a picture of a log code — recognised by content. A student pack,
    /// a pass or an unknown file is refused with what to do instead. Touches the disk.
    pub fn import_any(&mut self, bytes: &[u8]) -> Result<StaffImport> {
        match recognise(bytes) {
            Incoming::ScannerBundle => Ok(StaffImport::Bundle(self.import_bundle(bytes)?)),
            Incoming::Log => Ok(StaffImport::Log(self.import_log(bytes)?)),
            Incoming::LogCode(text) => {
                let (progress, merged) = self.receive_log_qr(&text)?;
                Ok(StaffImport::LogCode { progress, merged })
            }
            Incoming::Image => {
                let codes = crate::qr_decode::decode_image_file_bytes(bytes)?;
                match codes.iter().find(|c| c.starts_with(log::QR_PREFIX)) {
                    Some(text) => {
                        let (progress, merged) = self.receive_log_qr(text)?;
                        Ok(StaffImport::LogCode { progress, merged })
                    }
                    None => Err(Error::told(
                        Refusal::Invalid,
                        "图片里没有找到记录二维码；请导入教务处的工作人员数据包或其他手机导出的记录文件",
                        "no log code found in this picture; import the staff bundle from the 教务处 or a log file another phone exported",
                    )),
                }
            }
            Incoming::StudentBundle => Err(Error::told(
                Refusal::Invalid,
                "这是给学生的数据包；工作人员手机请导入教务处的工作人员（scanner）数据包",
                "this is the students' pack; a staff phone needs the staff (scanner) bundle from the 教务处",
            )),
            Incoming::Pass(_) | Incoming::NumberCode(_) => Err(Error::told(
                Refusal::Invalid,
                "这是学生的签到码；请在扫码界面扫描它",
                "this is a student's pass; scan it on the scan screen",
            )),
            // A bundle or log cut short: their readers say precisely what is wrong.
            Incoming::Unknown if bytes.starts_with(b"PDB") => {
                Ok(StaffImport::Bundle(self.import_bundle(bytes)?))
            }
            Incoming::Unknown => Err(Error::told(
                Refusal::Invalid,
                "这个文件不是 PhotoDay 的数据包或记录文件；请导入教务处发的工作人员数据包，或另一台手机导出的记录文件",
                "this file is not a PhotoDay bundle or log; import the staff bundle from the 教务处, or a log file another phone exported",
            )),
        }
    }
}

/// What a student's phone did with something it was handed.
#[derive(Debug, Clone)]
pub enum StudentImport {
    /// The class's student pack was imported.
    Pack(Box<crate::student::BundleImported>),
    /// The student's pass (text or a pass card picture) was imported.
    Pass(crate::student::PassInfo),
    /// The studio's 摄影编号 code was kept.
    Number(crate::student::Shot),
}

impl StudentImport {
    /// One line saying what happened, in both languages (a replaced pass says so loudly).
    pub fn text(&self) -> Text {
        match self {
            StudentImport::Pack(p) => match &p.pass_replaced {
                Some(t) => t.clone(),
                None => Text::new(
                    format!("已导入：{}", p.event.title.zh),
                    format!("Imported: {}", p.event.title.en),
                ),
            },
            StudentImport::Pass(p) => Text::new(
                format!("已导入学号 {} 的签到码", p.student_no),
                format!("Pass of {} imported", p.student_no),
            ),
            StudentImport::Number(s) => s.label.clone(),
        }
    }
}

impl crate::student::StudentPhone {
    /// Imports whatever the student was handed in a chat or saved in the album — the class's
    /// pack, the pass as text, a pass card picture, the studio's number code — recognised by
    /// content. A staff bundle or a door log is refused with what to do instead. Touches the
    /// disk.
    pub fn import_any(&mut self, bytes: &[u8]) -> Result<StudentImport> {
        match recognise(bytes) {
            Incoming::StudentBundle => Ok(StudentImport::Pack(Box::new(self.import_bundle(bytes)?))),
            Incoming::Pass(text) => Ok(StudentImport::Pass(self.import_pass(&text)?)),
            Incoming::Image => Ok(StudentImport::Pass(self.import_pass_image(bytes)?)),
            Incoming::NumberCode(text) => Ok(StudentImport::Number(self.import_number(&text)?)),
            Incoming::ScannerBundle | Incoming::Log | Incoming::LogCode(_) => Err(Error::told(
                Refusal::Invalid,
                "这是工作人员用的文件，不是学生的；请打开联络员发在群里的学历照采集资料包或你的签到码卡片",
                "this file is for staff phones; open the student pack your liaison posted, or your pass card",
            )),
            Incoming::Unknown if bytes.starts_with(b"PDB") => {
                Ok(StudentImport::Pack(Box::new(self.import_bundle(bytes)?)))
            }
            Incoming::Unknown => Err(Error::told(
                Refusal::Invalid,
                "这个文件不是学历照采集的资料包、签到码或签到码卡片；请打开联络员发在群里的资料包，或你的签到码卡片原图",
                "this file is not a PhotoDay student pack, pass or pass card; open the pack your liaison posted, or your pass card as sent",
            )),
        }
    }
}
