//! A synthetic roster for the demo, the tests and the benchmarks.
//!
//! Real rosters are personal data and never leave the 教务处, so the demo day, the scenario tests
//! and the benchmarks run on made-up students with the shape of a real school: 2020级本科 and
//! 2021级专科, about 40 per class, student numbers that encode year and college. Deterministic:
//! the same seed always gives the same roster.

use crate::event::Event;
use crate::roster::{Roster, Student};

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "林", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "邓", "曹", "彭", "曾",
];
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀英", "霞", "平", "刚", "桂英", "子涵", "欣怡", "梓萱", "浩然", "宇轩", "思彤", "俊杰",
    "雨桐",
];
const MAJORS: &[&str] = &[
    "软件",
    "计科",
    "会计",
    "财管",
    "英语",
    "日语",
    "法学",
    "经济",
    "视传",
    "环艺",
    "电商",
    "数媒",
    "大数据",
    "工管",
    "国贸",
    "金融",
];

/// Roughly `per_session` students in each session, in classes of up to 50, deterministic for
/// a seed. Every tenth student is marked unpaid.
pub fn roster(event: &Event, per_session: usize, seed: u64) -> Roster {
    let mut rng = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    let mut students = Vec::new();
    for (i, s) in event.sessions.iter().enumerate() {
        let session = i as u8 + 1;
        let classes = per_session.div_ceil(50).max(1);
        let major = MAJORS[i % MAJORS.len()];
        for k in 0..per_session {
            let class_no = k % classes + 1;
            let (year, cohort) = if class_no.is_multiple_of(4) {
                (2021u64, "2021级专科")
            } else {
                (2020u64, "2020级本科")
            };
            let student_no = year * 100_000_000
                + (session as u64) * 1_000_000
                + (class_no as u64) * 1_000
                + (k / classes) as u64
                + 1;
            let name = format!(
                "{}{}",
                SURNAMES[(next() % SURNAMES.len() as u64) as usize],
                GIVEN[(next() % GIVEN.len() as u64) as usize]
            );
            students.push(Student {
                student_no,
                name,
                college: s.college.zh.clone(),
                cohort: cohort.to_string(),
                class: format!("{major}{class_no}班"),
                paid: next() % 10 != 0,
                session,
            });
        }
    }
    Roster::from_students(students)
}
