//! The command line as the 教务处 types it: every command, flag and default in one place, so the
//! contract from issue 5 (names and flags) can be read and reviewed without reading any behaviour.

use clap::{Args, Parser, Subcommand, ValueEnum};
use photoday_core::text::Lang;
use std::path::PathBuf;

/// PhotoDay: offline check-in for the graduation photo day (学历证书电子图像信息采集).
///
/// Start with `photoday demo`: the 2023 广州商学院 day, end to end, in a few seconds.
#[derive(Debug, Parser)]
#[command(name = "photoday", version, propagate_version = true)]
pub struct Cli {
    /// Output language (default: Chinese when LC_ALL or LANG starts with zh, else English)
    #[arg(long, global = true, value_enum, value_name = "zh|en")]
    pub lang: Option<LangArg>,

    #[command(subcommand)]
    pub command: Command,
}

/// `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// 简体中文
    Zh,
    /// English
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

/// Every command.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// The whole 2023 广州商学院 day offline: event, roster, passes, two door phones, reports
    Demo(DemoArgs),
    /// Create an event folder: editable event.toml, key pair (private key mode 0600), database
    Init(InitArgs),
    /// The event (the notice): show it, check it
    #[command(subcommand)]
    Event(EventCommand),
    /// The roster (名单): import a college's .xlsx or .csv; see where each college came from
    #[command(subcommand)]
    Roster(RosterCommand),
    /// All passes: issue them, export them for printing or sending
    #[command(subcommand)]
    Passes(PassesCommand),
    /// One pass: draw its QR code, verify it
    #[command(subcommand)]
    Pass(PassCommand),
    /// Bundles for phones: make one, look inside one
    #[command(subcommand)]
    Bundle(BundleCommand),
    /// Guard a door from this laptop: read passes from a USB scanner (stdin), one per line
    ///
    /// Each line gets the verdict a staff phone would show, recorded on disk before it is printed.
    /// Staff can type too: a student number (1–14 digits) checks a student in by hand; `/undo`
    /// cancels this device's last admission (within 5 minutes; the photo number is not reused);
    /// `/override REASON` admits over the last "too early / too late" or "not on the roster";
    /// `/batch` shows the batch being called in; `/status` the attendance by class. Blank lines
    /// (a scanner's extra Enter) are ignored.
    Scan(ScanArgs),
    /// Door logs: export them, merge them
    #[command(subcommand)]
    Log(LogCommand),
    /// Devices (phones, laptops) whose logs this event takes: enrol them from their code, list, remove
    ///
    /// Once one device is enrolled, a log of a device that is not is kept aside (not merged, not
    /// lost) until it is enrolled; the next scanner bundle carries the enrolled keys and names.
    #[command(subcommand)]
    Device(DeviceCommand),
    /// Write a report for the liaisons: attendance, absentees (补拍 list), fees, duplicates
    Report(ReportArgs),
    /// The arrival plan: each class's time inside its college's session
    Plan(PlanArgs),
}

/// `--dir`, for every command that acts on an event folder.
#[derive(Debug, Clone, Args)]
pub struct DirArg {
    /// The event folder made by `photoday init`
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
}

/// `photoday demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Where to write the demo's event folder, images, logs and reports
    #[arg(long, value_name = "DIR", default_value = "photoday-demo")]
    pub out: PathBuf,
    /// Students per session in the synthetic roster (the tests use a small one)
    #[arg(long, hide = true, default_value_t = 400)]
    pub students_per_session: usize,
}

/// `photoday init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Built-in event to start from (the notice it transcribes)
    #[arg(long, default_value = "gzcc-2023", value_name = "NAME")]
    pub template: String,
    /// The new event folder
    pub dir: PathBuf,
}

/// `photoday event …`.
#[derive(Debug, Subcommand)]
pub enum EventCommand {
    /// Print the event: sessions, fee, make-up, verification (and check event.toml)
    Show(EventShowArgs),
    /// Replace the event key: phones holding a bundle follow the change (signed by the old key);
    /// passes already issued stay valid
    ///
    /// For a key that may have been seen, not one that was stolen: whoever holds the old key can
    /// sign a change too, so after a theft make a new event folder and new passes.
    RotateKey(DirArg),
}

/// `photoday event show`.
#[derive(Debug, Args)]
pub struct EventShowArgs {
    /// A built-in event instead of an event folder
    #[arg(long, value_name = "NAME", conflicts_with = "dir")]
    pub template: Option<String>,
    /// The event folder (default: the current directory)
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

/// `photoday roster …`.
#[derive(Debug, Subcommand)]
pub enum RosterCommand {
    /// Import a roster (.xlsx, .csv, .txt; 学号/姓名/学院/年级/班级/已缴费): all rows or none
    ///
    /// The file replaces the colleges it covers and keeps every other college, so colleges can
    /// send their files one by one. It prints what changes (added, changed class or college,
    /// removed) and records the file's name and SHA-256 for `roster history`. Students who
    /// already hold a pass are removed only with --replace.
    Import(RosterImportArgs),
    /// Every roster import: when, which file (and its SHA-256), which colleges, what changed
    History(RosterHistoryArgs),
}

/// `photoday roster import`.
#[derive(Debug, Args)]
pub struct RosterImportArgs {
    /// The roster file (.xlsx, .xls, .ods, .csv, or Excel's tab-separated .txt)
    pub file: PathBuf,
    /// Check the file and show what would change, but store nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Also remove students of the file's colleges who hold a pass but are not in the file
    #[arg(long)]
    pub replace: bool,
    /// Worksheet to read (default: the first one with a 学号 column)
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    #[command(flatten)]
    pub dir: DirArg,
}

/// `photoday roster history`.
#[derive(Debug, Args)]
pub struct RosterHistoryArgs {
    /// Also list who one import added, changed and removed (its number in the history)
    #[arg(long, value_name = "N")]
    pub show: Option<i64>,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub dir: DirArg,
}

/// `photoday passes …`.
#[derive(Debug, Subcommand)]
pub enum PassesCommand {
    /// Sign a pass for every student on the roster who lacks a current one
    Issue(DirArg),
    /// Write passes: pass cards for phones, a printable A4 sheet, CSV, or bare PNG/SVG QR codes
    Export(PassesExportArgs),
    /// Give one student a new pass (lost phone, leaked screenshot); the old one is revoked
    Reissue(ReissueArgs),
}

/// Export formats for passes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PassFormat {
    /// One CSV with every pass text
    Csv,
    /// One PNG QR code per student
    Png,
    /// One SVG QR code per student
    Svg,
    /// A printable A4 sheet of pass cards (2 or 4 a page, cut marks) for students without a smartphone
    Html,
    /// One phone-screen pass card per student (1080×1920 PNG), in college/class folders, a zip per class
    Cards,
}

/// `photoday passes export`.
#[derive(Debug, Args)]
pub struct PassesExportArgs {
    /// What to write
    #[arg(long, value_enum)]
    pub format: PassFormat,
    /// Only this college (its name, Chinese or English, or its session number)
    #[arg(long, value_name = "NAME")]
    pub college: Option<String>,
    /// Folder to write into (created if missing)
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Cards as JPEG instead of PNG (for chat apps that recompress PNGs)
    #[arg(long)]
    pub jpeg: bool,
    /// Cards per A4 page for --format html
    #[arg(long, value_enum, default_value = "4", value_name = "2|4")]
    pub per_page: PerPage,
    /// Font with Chinese characters for cards (default: PHOTODAY_FONT, else fonts-wqy-microhei,
    /// fonts-noto-cjk or fonts-droid-fallback as installed)
    #[arg(long, value_name = "FILE")]
    pub font: Option<PathBuf>,
    #[command(flatten)]
    pub dir: DirArg,
}

/// Cards on a printed A4 page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PerPage {
    /// Two side by side: bigger cards
    #[value(name = "2")]
    Two,
    /// Four, two by two
    #[value(name = "4")]
    Four,
}

impl PerPage {
    /// The number of cards.
    pub fn count(self) -> usize {
        match self {
            PerPage::Two => 2,
            PerPage::Four => 4,
        }
    }
}

/// `photoday passes reissue`.
#[derive(Debug, Args)]
pub struct ReissueArgs {
    /// The student's number (学号)
    pub student_no: String,
    #[command(flatten)]
    pub dir: DirArg,
}

/// `photoday pass …`.
#[derive(Debug, Subcommand)]
pub enum PassCommand {
    /// Draw a pass (or any text) as a QR code: PNG, SVG, or in the terminal
    Qr(PassQrArgs),
    /// Check a pass text against the event's keys (exit code 0 only when valid)
    Verify(PassVerifyArgs),
}

/// `photoday pass qr`.
#[derive(Debug, Args)]
pub struct PassQrArgs {
    /// The pass text (`PD1:…`)
    pub text: String,
    /// Write a PNG here
    #[arg(long, value_name = "FILE")]
    pub png: Option<PathBuf>,
    /// Write an SVG here
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
    /// Pixels per QR module in the PNG
    #[arg(long, default_value_t = 8, value_name = "N")]
    pub px: u32,
}

/// `photoday pass verify`.
#[derive(Debug, Args)]
pub struct PassVerifyArgs {
    /// The pass text (`PD1:…`), or `-` to read one line from stdin
    pub text: String,
    /// Print JSON: valid, reason, student_no, session, serial
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub dir: DirArg,
}

/// `photoday bundle …`.
#[derive(Debug, Subcommand)]
pub enum BundleCommand {
    /// A bundle for door phones: event, keys, revocations, roster (names only with --with-names)
    Scanner(BundleMakeArgs),
    /// A bundle for students' phones: the public event data, keys and arrival plan
    ///
    /// With --by class|college, --out is a folder and gets one pack per class (`学院-班级.photoday`)
    /// or per college (`学院.photoday`) for the liaison to post in the group; each carries only
    /// its own class's or college's arrival times.
    Student(StudentBundleArgs),
    /// Look inside a bundle file and check its signature
    Show(BundleShowArgs),
}

/// `photoday bundle scanner|student`.
#[derive(Debug, Args)]
pub struct BundleMakeArgs {
    /// The bundle file to write
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Put students' names in a scanner bundle (staff then see names at the door)
    #[arg(long)]
    pub with_names: bool,
    #[command(flatten)]
    pub dir: DirArg,
}

/// `photoday bundle student`.
#[derive(Debug, Args)]
pub struct StudentBundleArgs {
    /// The bundle file to write; with --by, the folder to write the packs into
    #[arg(long, value_name = "FILE|DIR")]
    pub out: PathBuf,
    /// One pack per class or per college, named for it
    #[arg(long, value_enum, value_name = "class|college")]
    pub by: Option<PackBy>,
    /// Refused: a student bundle never carries the roster
    #[arg(long, hide = true)]
    pub with_names: bool,
    #[command(flatten)]
    pub dir: DirArg,
}

/// How student packs are split.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PackBy {
    /// One pack per class (`学院-班级.photoday`)
    Class,
    /// One pack per college (`学院.photoday`)
    College,
}

/// `photoday bundle show`.
#[derive(Debug, Args)]
pub struct BundleShowArgs {
    /// The bundle file
    pub file: PathBuf,
    /// Also require the bundle to be signed by this event folder's key
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

/// `photoday scan`.
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// The room this laptop guards (一教209); the session follows the clock through hand-overs
    #[arg(long, value_name = "ROOM", required_unless_present_any = ["station", "enrolment_code"])]
    pub room: Option<String>,
    /// Only print this laptop's enrolment code (for `photoday device add`) and stop; its station
    /// name is NAME, or the room and role
    #[arg(long, value_name = "NAME", num_args = 0..=1, default_missing_value = "")]
    pub enrolment_code: Option<String>,
    /// Older form: a session number or college; its room is guarded (use --room)
    #[arg(long, value_name = "SESSION", conflicts_with = "room")]
    pub station: Option<String>,
    /// door: check students into the queue; studio: give 摄影编号 as they enter; both (default)
    #[arg(long, value_name = "ROLE", default_value = "both", value_parser = ["door", "studio", "both"])]
    pub role: String,
    /// Number without asking for the 学信网 采集码 first (the photographer checks it)
    #[arg(long)]
    pub no_code_check: bool,
    /// This laptop's door database (default: scanner.db in --dir); never an event's photoday.db
    #[arg(long, value_name = "FILE", value_parser = crate::door_input::door_database)]
    pub device_db: Option<PathBuf>,
    /// A scanner bundle to import first (default: made from --dir when the database has none)
    #[arg(long, value_name = "FILE")]
    pub bundle: Option<PathBuf>,
    /// Photo-number letter when several studio devices number in one room (A, B…)
    #[arg(long, value_name = "A")]
    pub lane: Option<char>,
    /// Rehearse or replay: the clock starts at this moment (`2023-06-03 09:40` or RFC 3339)
    #[arg(long, value_name = "TIME")]
    pub now: Option<String>,
    /// Print one JSON object per line read
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub dir: DirArg,
}

/// `photoday device …`.
#[derive(Debug, Subcommand)]
pub enum DeviceCommand {
    /// Enrol a device from its enrolment code: the text (PDE1:…) or an image file of its QR code
    Add(DeviceAddArgs),
    /// The enrolled devices: station name, id, fingerprint; and devices whose logs wait aside
    List(DeviceListArgs),
    /// Remove an enrolled device (by id, fingerprint or station name); its merged records stay
    Remove(DeviceRemoveArgs),
    /// Show a laptop door database's enrolment code (text and QR) for `device add`
    Code(DeviceCodeArgs),
}

/// `photoday device add`.
#[derive(Debug, Args)]
pub struct DeviceAddArgs {
    /// The code's text (PDE1:…), or a PNG/JPEG photo or screenshot of its QR code
    #[arg(value_name = "CODE|IMAGE")]
    pub code: String,
    /// Station name for reports and screens (default: the name the device's staff gave it)
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    #[command(flatten)]
    pub dir: DirArg,
}

/// `photoday device list`.
#[derive(Debug, Args)]
pub struct DeviceListArgs {
    /// Print JSON
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub dir: DirArg,
}

/// `photoday device remove`.
#[derive(Debug, Args)]
pub struct DeviceRemoveArgs {
    /// The device's id, fingerprint or station name
    #[arg(value_name = "ID|NAME")]
    pub which: String,
    #[command(flatten)]
    pub dir: DirArg,
}

/// `photoday device code`.
#[derive(Debug, Args)]
pub struct DeviceCodeArgs {
    /// The laptop's door database (from `photoday scan`; made here if missing)
    #[arg(long, value_name = "FILE", value_parser = crate::door_input::door_database)]
    pub device_db: PathBuf,
    /// The station name staff give this laptop (一教104 门口)
    #[arg(long, value_name = "NAME")]
    pub name: String,
    /// Also write the QR code as a PNG here
    #[arg(long, value_name = "FILE")]
    pub png: Option<PathBuf>,
}

/// `photoday log …`.
#[derive(Debug, Subcommand)]
pub enum LogCommand {
    /// Write every record of the event folder (or of a door database) to a log file
    Export(LogExportArgs),
    /// Merge door log files into the event folder (or into a door database)
    Import(LogImportArgs),
    /// Void one record (DEVICE:SEQ, as reports name it) with a reason; signed, merged like any other
    Void(LogVoidArgs),
}

/// `photoday log void`.
#[derive(Debug, Args)]
pub struct LogVoidArgs {
    /// The record to void: its device and sequence number, e.g. 3f2a9c0d5e6b:17
    #[arg(value_name = "DEVICE:SEQ")]
    pub record: String,
    /// Why (kept in the record and shown in reports)
    #[arg(long)]
    pub reason: String,
    #[command(flatten)]
    pub dir: DirArg,
}

/// `photoday log export`.
#[derive(Debug, Args)]
pub struct LogExportArgs {
    /// The log file to write
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Export a door database (from `photoday scan`) instead of the event folder
    #[arg(long, value_name = "FILE", value_parser = crate::door_input::door_database)]
    pub device_db: Option<PathBuf>,
    #[command(flatten)]
    pub dir: DirArg,
}

/// `photoday log import`.
#[derive(Debug, Args)]
pub struct LogImportArgs {
    /// Log files exported by phones or laptops
    #[arg(required_unless_present = "pending")]
    pub files: Vec<PathBuf>,
    /// Merge the logs kept aside whose devices are now enrolled (`device add` does it too)
    #[arg(long)]
    pub pending: bool,
    /// Merge into a door database instead of the event folder
    #[arg(long, value_name = "FILE", value_parser = crate::door_input::door_database)]
    pub device_db: Option<PathBuf>,
    #[command(flatten)]
    pub dir: DirArg,
}

/// Which report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportKind {
    /// Per session and class: expected, photographed, missing
    Attendance,
    /// Students not photographed: the 补拍 list (re-importable as a roster)
    Absentees,
    /// Per college: students, paid, amount due, still owed before the deadline
    Fees,
    /// Students photographed twice, with the photo number to void
    Duplicates,
}

/// Spreadsheet formats for reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    /// Comma-separated, UTF-8 with a BOM so Excel shows Chinese
    Csv,
    /// Excel workbook
    Xlsx,
}

/// `photoday report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Which report
    #[arg(value_enum)]
    pub kind: ReportKind,
    /// File format (default: from the --out file's extension)
    #[arg(long, value_enum)]
    pub format: Option<TableFormat>,
    /// The file to write
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    #[command(flatten)]
    pub dir: DirArg,
}

/// `photoday plan`.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Students one camera photographs in an hour (default: the event's, 150)
    #[arg(long, value_name = "N")]
    pub per_hour: Option<u32>,
    /// Cameras per room (default: the event's, 1)
    #[arg(long, value_name = "N")]
    pub cameras: Option<u32>,
    /// Only this session (number or college)
    #[arg(long, value_name = "SESSION")]
    pub session: Option<String>,
    /// Keep --per-hour / --cameras for the bundles and the reports
    #[arg(long)]
    pub save: bool,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
    /// Also write the plan as an Excel workbook for the liaisons
    #[arg(long, value_name = "FILE")]
    pub xlsx: Option<PathBuf>,
    #[command(flatten)]
    pub dir: DirArg,
}
