//! Per-thread memos of the normaliser's pure functions that extraction asks
//! again and again about the same strings: the canonical key of a name
//! (every mention of "Putin" in every claim) and the parse of a role phrase
//! (every office the article gave, re-read for each role phrase), and
//! whether a word names a country (asked of every word after a determiner
//! by the role-phrase reader). The answers are exactly the normaliser's;
//! only the work is saved.

use std::cell::RefCell;
use std::collections::HashMap;

use crosscheck_core::value::Role;
use crosscheck_core::EntityKind;
use crosscheck_normalize::entities::{alias_kind, is_plain_name};
use crosscheck_normalize::{entity_key, key_for, parse_role, StrBuildHasher};

/// Most strings one memo holds before it starts afresh (a bound on memory,
/// not on correctness).
const MEMO_ENTRIES: usize = 1 << 16;

type Memo<V> = RefCell<HashMap<Box<str>, V, StrBuildHasher>>;

thread_local! {
    static PERSON_KEYS: Memo<String> = RefCell::new(HashMap::default());
    static ENTITY_KEYS: Memo<String> = RefCell::new(HashMap::default());
    static ROLES: Memo<Option<Role>> = RefCell::new(HashMap::default());
    static ALIAS_KINDS: Memo<Option<EntityKind>> = RefCell::new(HashMap::default());
}

fn remembered<V: Clone>(memo: &'static std::thread::LocalKey<Memo<V>>, input: &str, compute: impl FnOnce(&str) -> V) -> V {
    memo.with(|m| {
        if let Some(v) = m.borrow().get(input) {
            return v.clone();
        }
        let v = compute(input);
        let mut m = m.borrow_mut();
        if m.len() >= MEMO_ENTRIES {
            m.clear();
        }
        m.insert(input.into(), v.clone());
        v
    })
}

/// `crosscheck_normalize::key_for(name, kind)`.
pub fn key(name: &str, kind: EntityKind) -> String {
    match kind {
        EntityKind::Person => remembered(&PERSON_KEYS, name, |n| key_for(n, EntityKind::Person)),
        _ => remembered(&ENTITY_KEYS, name, |n| key_for(n, kind)),
    }
}

/// `crosscheck_normalize::entity_key(name)`.
pub fn entity(name: &str) -> String {
    remembered(&ENTITY_KEYS, name, entity_key)
}

/// `crosscheck_normalize::parse_role(title)`.
pub fn role(title: &str) -> Option<Role> {
    remembered(&ROLES, title, parse_role)
}

/// `alias_key(word).is_some()`, through the [`alias`] memo: the alias
/// lookup folds and re-tokenises its input.
pub fn names_country(word: &str) -> bool {
    alias(word).is_some()
}

/// `crosscheck_normalize::entities::alias_kind(name)`. A plain name (most:
/// letters and spaces) is looked up directly, faster than in the memo.
pub fn alias(name: &str) -> Option<EntityKind> {
    if is_plain_name(name) {
        return alias_kind(name);
    }
    remembered(&ALIAS_KINDS, name, alias_kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memos_answer_as_the_normaliser_does() {
        for _ in 0..2 {
            assert_eq!(key("Vladimir Putin", EntityKind::Person), key_for("Vladimir Putin", EntityKind::Person));
            assert_eq!(key("U.S.", EntityKind::Place), key_for("U.S.", EntityKind::Place));
            assert_eq!(entity("Zelenskyy's"), entity_key("Zelenskyy's"));
            assert_eq!(role("Russian President"), parse_role("Russian President"));
            assert_eq!(role("the talks"), None);
            assert!(names_country("russia") && !names_country("talks"));
            assert_eq!(alias("United States"), Some(EntityKind::Place));
            assert_eq!(alias("Vladimir Putin"), alias_kind("Vladimir Putin"));
        }
    }
}
