//! A studio phone that numbers passes as fast as it can and says so, for the kill test.
//!
//! Usage: `admit_loop DB PASSES_FILE START_MS`. The database already holds a scanner bundle and a
//! station (studio, 采集码 check off). Each pass text of the file is scanned; after each verdict
//! comes back, one line `ADMITTED <student_no> <photo_no>` is printed and flushed: the moment the
//! staff would have seen the number in green. The parent kills this process at random moments and checks that every printed admission
//! survived.

use std::io::Write;

use photoday_core::door::Verdict;
use photoday_core::scanner::Scanner;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mut door = Scanner::open(&args[1]).expect("open");
    let passes = std::fs::read_to_string(&args[2]).expect("passes");
    let mut now: i64 = args[3].parse().expect("start");
    let out = std::io::stdout();
    for text in passes.lines() {
        now += 6_000;
        let o = door.scan(text, now).expect("scan");
        if let Verdict::Numbered {
            student_no,
            photo_no,
            ..
        } = o.verdict
        {
            let mut lock = out.lock();
            writeln!(lock, "ADMITTED {student_no} {photo_no}").expect("stdout");
            lock.flush().expect("stdout");
        }
    }
}
