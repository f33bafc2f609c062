//! Weigh: the indexes built once over the indicator side.
//!
//! Two views of every text. Words, from the segmenter, weighted BM25-style
//! with an IDF that blends how rare a word is among curriculum texts with how
//! rare it is in general Thai (the textbook frequencies of `ttc_freq.txt`), so
//! that a word like `ได้` or `ต่าง` counts little even where the curriculum
//! happens to use it rarely. And character n-grams, so that a segmentation
//! error or a variant spelling still shares most of its grams.

use super::analyze::Term;
use super::hash::FastMap;

mod general_frequencies;
use general_frequencies::GeneralFrequencies;

/// BM25 term-frequency saturation and length normalisation.
pub(crate) const K1: f32 = 1.2;
pub(crate) const B: f32 = 0.5;

/// The word vocabulary of the indicator side, with one IDF per word.
#[derive(Debug, Clone, Default)]
pub(crate) struct Vocabulary {
    ids: FastMap<String, u32>,
    words: Vec<String>,
    df: Vec<u32>,
    idf: Vec<f32>,
}

impl Vocabulary {
    pub fn id(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    pub fn word(&self, id: u32) -> &str {
        &self.words[id as usize]
    }

    pub fn words(&self) -> &[String] {
        &self.words
    }

    pub fn idf(&self, id: u32) -> f32 {
        self.idf[id as usize]
    }

    fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.ids.insert(word.to_string(), id);
        self.words.push(word.to_string());
        self.df.push(0);
        id
    }

    /// Fixes the IDF of every word once all documents are in. `blend` is the
    /// share of the curriculum IDF; the rest comes from general Thai.
    fn finish(&mut self, documents: usize, blend: f32) {
        let general = GeneralFrequencies::get();
        let n = documents as f32;
        let corpus_max = ((n + 1.0) / 0.5).ln();
        self.idf = self
            .words
            .iter()
            .zip(&self.df)
            .map(|(w, &df)| {
                let corpus = ((n + 1.0) / (df as f32 + 0.5)).ln() / corpus_max;
                blend * corpus + (1.0 - blend) * general.rarity(w)
            })
            .collect();
    }

    /// The weight of a word the indicator side never uses: as rare as can be
    /// among curriculum texts, and as rare as general Thai says.
    pub fn unseen_idf(&self, word: &str, blend: f32) -> f32 {
        blend + (1.0 - blend) * GeneralFrequencies::get().rarity(word)
    }
}

/// One indexed text: its terms with spans, and its term frequencies.
#[derive(Debug, Clone, Default)]
pub(crate) struct Document {
    /// (word id, start, end) in text order.
    pub terms: Vec<(u32, usize, usize)>,
    /// (word id, count), by id.
    pub tf: Vec<(u32, u16)>,
    /// The sum of the IDFs of its distinct words.
    pub idf_mass: f32,
}

impl Document {
    pub fn tf_of(&self, id: u32) -> u16 {
        self.tf
            .binary_search_by_key(&id, |&(t, _)| t)
            .map_or(0, |i| self.tf[i].1)
    }

    pub fn first_span(&self, id: u32) -> Option<(usize, usize)> {
        self.terms
            .iter()
            .find(|&&(t, _, _)| t == id)
            .map(|&(_, s, e)| (s, e))
    }
}

/// The three texts of the indicator side, indexed alike: one value per field.
/// Fields are built and filled in this order (indicator, standard, core
/// content), which fixes the word ids.
#[derive(Debug, Clone, Default)]
pub(crate) struct Fields<T> {
    /// The indicators' own texts, one document per indicator.
    pub indicator: T,
    /// The standards' texts, each after its strand's name, one document per standard.
    pub standard: T,
    /// Core learning content: for words one document per item (with its
    /// headings), for grams one per standard × grade block.
    pub core_content: T,
}

impl<T> Fields<T> {
    /// `f` of each field, in field order.
    pub fn map<U>(self, mut f: impl FnMut(T) -> U) -> Fields<U> {
        let indicator = f(self.indicator);
        let standard = f(self.standard);
        let core_content = f(self.core_content);
        Fields {
            indicator,
            standard,
            core_content,
        }
    }

    /// The fields in field order.
    pub fn iter(&self) -> impl Iterator<Item = &T> {
        [&self.indicator, &self.standard, &self.core_content].into_iter()
    }
}

/// An inverted index over one field (indicator texts, standard texts, core-content items).
#[derive(Debug, Clone, Default)]
pub(crate) struct FieldIndex {
    pub docs: Vec<Document>,
    /// word id → (doc, BM25 term weight in [0, 1]).
    pub postings: Vec<Vec<(u32, f32)>>,
}

/// The word indexes of the three fields. Every field's documents are counted
/// before any weight is fixed, so that document frequencies span the whole
/// indicator side.
pub(crate) fn word_index(
    texts: Fields<Vec<Vec<Term>>>,
    blend: f32,
) -> (Vocabulary, Fields<FieldIndex>) {
    let mut vocab = Vocabulary::default();
    let docs = texts.map(|texts| vocab.add_documents(texts));
    let documents = docs.iter().map(Vec::len).sum();
    vocab.finish(documents, blend);
    let fields = docs.map(|docs| FieldIndex::new(docs, &vocab));
    (vocab, fields)
}

impl Vocabulary {
    /// Interns the words of `texts` and counts their document frequencies.
    fn add_documents(&mut self, texts: Vec<Vec<Term>>) -> Vec<Document> {
        let mut docs = Vec::new();
        for terms in texts {
            let mut doc = Document::default();
            for t in terms {
                let id = self.intern(&t.text);
                doc.terms.push((id, t.start, t.end));
            }
            let mut ids: Vec<u32> = doc.terms.iter().map(|&(id, _, _)| id).collect();
            ids.sort_unstable();
            for id in ids {
                match doc.tf.last_mut() {
                    Some((last, n)) if *last == id => *n += 1,
                    _ => doc.tf.push((id, 1)),
                }
            }
            for &(id, _) in &doc.tf {
                self.df[id as usize] += 1;
            }
            docs.push(doc);
        }
        docs
    }
}

impl FieldIndex {
    /// The postings of one field's documents, once `vocab` has its IDFs.
    fn new(mut docs: Vec<Document>, vocab: &Vocabulary) -> FieldIndex {
        let total: usize = docs.iter().map(|d| d.terms.len()).sum();
        let avg = (total as f32 / docs.len().max(1) as f32).max(1.0);
        let mut postings = vec![Vec::new(); vocab.words.len()];
        for (d, doc) in docs.iter_mut().enumerate() {
            let len = doc.terms.len() as f32;
            let norm = K1 * (1.0 - B + B * len / avg);
            for &(id, tf) in &doc.tf {
                let tf = tf as f32;
                let w = (tf * (K1 + 1.0) / (tf + norm) / (K1 + 1.0)).min(1.0);
                postings[id as usize].push((d as u32, w));
            }
            doc.idf_mass = doc.tf.iter().map(|&(id, _)| vocab.idf(id)).sum();
        }
        FieldIndex { docs, postings }
    }
}

/// Character n-grams of a normalised text: n = 2..=4 within runs of letters
/// and digits (grams do not cross spaces or punctuation), as FNV-1a hashes.
pub(crate) fn grams(text: &str, out: &mut Vec<u64>) {
    out.clear();
    let mut run: Vec<char> = Vec::new();
    let flush = |run: &mut Vec<char>, out: &mut Vec<u64>| {
        for n in 2..=4usize {
            if run.len() < n {
                break;
            }
            for w in run.windows(n) {
                let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ n as u64;
                for &c in w {
                    h ^= c as u64;
                    h = h.wrapping_mul(0x0000_0100_0000_01b3);
                }
                out.push(h);
            }
        }
        run.clear();
    };
    for c in text.chars() {
        // Thai first, as it is: Thai has no case, and `is_alphanumeric` and
        // `to_lowercase` take slow table lookups outside ASCII.
        if crate::text::chars::is_thai(c) {
            run.push(c);
        } else if c.is_alphanumeric() {
            run.extend(c.to_lowercase());
        } else {
            flush(&mut run, out);
        }
    }
    flush(&mut run, out);
}

/// TF-IDF vectors of character n-grams, cosine-normalised, over several fields
/// that share one gram IDF (from the indicator texts).
#[derive(Debug, Clone, Default)]
pub(crate) struct GramIndex {
    ids: FastMap<u64, u32>,
    idf: Vec<f32>,
    unseen_idf: f32,
    /// Per field: gram id → (doc, weight).
    postings: Fields<Postings>,
}

/// Postings of every gram of one field in one array, gram by gram (the layout of a
/// compressed sparse row): one allocation instead of one per gram, which was a third of
/// the time it took to build the index, and a tighter loop when a query adds its cosines.
#[derive(Debug, Clone, Default)]
struct Postings {
    /// Gram id → its postings: `entries[starts[id]..starts[id + 1]]`.
    starts: Vec<u32>,
    /// (doc, weight), by gram, then by doc.
    entries: Vec<(u32, f32)>,
}

impl Postings {
    fn of(&self, id: u32) -> &[(u32, f32)] {
        let (start, end) = (self.starts[id as usize], self.starts[id as usize + 1]);
        &self.entries[start as usize..end as usize]
    }
}

impl GramIndex {
    /// The indicator texts set the IDF; every field is indexed.
    pub fn new(fields: Fields<&[String]>) -> GramIndex {
        let mut index = GramIndex::default();
        // Distinct grams grow with the text, about one for every five characters of the
        // curriculum: reserving for that spares the map its rehashes as it grows.
        let chars: usize = fields
            .iter()
            .flat_map(|f| f.iter())
            .map(|t| t.len() / 3)
            .sum();
        index.ids.reserve(chars / 4);
        let mut buf = Vec::new();
        let mut df: Vec<u32> = Vec::new();
        // Each document's distinct grams with their counts. Counted on the sorted grams
        // first, so the map is probed once per distinct gram of a document, not once per
        // occurrence; ids still go by first appearance, in hash order within a document.
        let per_field: Fields<Vec<Vec<(u32, u32)>>> = fields.map(|texts| {
            texts
                .iter()
                .map(|t| {
                    grams(t, &mut buf);
                    buf.sort_unstable();
                    let mut counts: Vec<(u32, u32)> = Vec::new();
                    let mut i = 0;
                    while i < buf.len() {
                        let g = buf[i];
                        let mut j = i + 1;
                        while j < buf.len() && buf[j] == g {
                            j += 1;
                        }
                        let next = index.ids.len() as u32;
                        let id = *index.ids.entry(g).or_insert(next);
                        if id as usize == df.len() {
                            df.push(0);
                        }
                        counts.push((id, (j - i) as u32));
                        i = j;
                    }
                    counts
                })
                .collect()
        });
        for doc in &per_field.indicator {
            for &(id, _) in doc {
                df[id as usize] += 1;
            }
        }
        let n = per_field.indicator.len() as f32;
        index.idf = df
            .iter()
            .map(|&d| ((n + 1.0) / (d as f32 + 1.0)).ln() + 1.0)
            .collect();
        index.unseen_idf = (n + 1.0).ln() + 1.0;
        let grams = index.idf.len();
        index.postings = per_field.map(|docs| {
            let mut starts = vec![0u32; grams + 1];
            for doc in &docs {
                for &(id, _) in doc {
                    starts[id as usize + 1] += 1;
                }
            }
            for k in 1..starts.len() {
                starts[k] += starts[k - 1];
            }
            let mut fill = starts.clone();
            let mut entries = vec![(0u32, 0f32); starts[grams] as usize];
            let mut weights = Vec::new();
            for (d, doc) in docs.iter().enumerate() {
                weights.clear();
                weights.extend(
                    doc.iter()
                        .map(|&(id, c)| (1.0 + (c as f32).ln()) * index.idf[id as usize]),
                );
                let norm = weights.iter().map(|w| w * w).sum::<f32>().sqrt().max(1e-9);
                for (&(id, _), &w) in doc.iter().zip(&weights) {
                    let slot = &mut fill[id as usize];
                    entries[*slot as usize] = (d as u32, w / norm);
                    *slot += 1;
                }
            }
            Postings { starts, entries }
        });
        index
    }

    /// The query's grams as (gram id or none, weight), cosine-normalised.
    pub fn query(&self, text: &str) -> Vec<(Option<u32>, f32)> {
        let mut buf = Vec::new();
        grams(text, &mut buf);
        buf.sort_unstable();
        let mut out: Vec<(Option<u32>, f32)> = Vec::new();
        let mut i = 0;
        while i < buf.len() {
            let mut j = i;
            while j < buf.len() && buf[j] == buf[i] {
                j += 1;
            }
            let id = self.ids.get(&buf[i]).copied();
            let idf = id.map_or(self.unseen_idf, |id| self.idf[id as usize]);
            out.push((id, (1.0 + ((j - i) as f32).ln()) * idf));
            i = j;
        }
        let norm = out.iter().map(|(_, w)| w * w).sum::<f32>().sqrt().max(1e-9);
        for (_, w) in &mut out {
            *w /= norm;
        }
        out
    }

    /// Adds the cosine of the query with every document of each field into
    /// that field's `scores`.
    pub fn cosine(&self, query: &[(Option<u32>, f32)], scores: Fields<&mut [f32]>) {
        let add = |postings: &Postings, scores: &mut [f32]| {
            for &(id, qw) in query {
                if let Some(id) = id {
                    for &(d, w) in postings.of(id) {
                        scores[d as usize] += qw * w;
                    }
                }
            }
        };
        add(&self.postings.indicator, scores.indicator);
        add(&self.postings.standard, scores.standard);
        add(&self.postings.core_content, scores.core_content);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(words: &[&str]) -> Vec<Term> {
        words
            .iter()
            .enumerate()
            .map(|(k, w)| Term {
                text: w.to_string(),
                start: k,
                end: k + 1,
            })
            .collect()
    }

    #[test]
    fn each_field_keeps_its_own_documents_over_one_vocabulary() {
        let (vocab, words) = word_index(
            Fields {
                indicator: vec![doc(&["อ่าน", "เขียน"]), doc(&["เขียน"])],
                standard: vec![doc(&["อ่าน"])],
                core_content: vec![doc(&["ฟัง"]), doc(&["พูด"]), doc(&["ฟัง", "พูด"])],
            },
            1.0,
        );
        assert_eq!(words.indicator.docs.len(), 2);
        assert_eq!(words.standard.docs.len(), 1);
        assert_eq!(words.core_content.docs.len(), 3);
        let read = vocab.id("อ่าน").expect("interned");
        assert_eq!(words.indicator.postings[read as usize].len(), 1);
        assert_eq!(words.standard.postings[read as usize][0].0, 0);
        assert!(words.core_content.postings[read as usize].is_empty());
        // Words of the first field get the first ids.
        assert_eq!(vocab.words()[..2], ["อ่าน", "เขียน"]);
    }

    #[test]
    fn document_frequencies_span_every_field() {
        // `อ่าน` is in two documents (one indicator, one standard), `เขียน` in
        // two indicators, `ฟัง` in one core-content item: so with the curriculum
        // IDF alone, the first two weigh the same and the third more.
        let (vocab, _) = word_index(
            Fields {
                indicator: vec![doc(&["อ่าน", "เขียน"]), doc(&["เขียน"])],
                standard: vec![doc(&["อ่าน"])],
                core_content: vec![doc(&["ฟัง"])],
            },
            1.0,
        );
        let idf = |w: &str| vocab.idf(vocab.id(w).expect("interned"));
        assert_eq!(idf("อ่าน"), idf("เขียน"));
        assert!(idf("ฟัง") > idf("อ่าน"));
    }

    #[test]
    fn gram_cosines_land_in_their_own_field() {
        let texts = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let (indicator, standard, core_content) = (
            texts(&["อ่านออกเสียง", "บวกลบเลข"]),
            texts(&["บวกลบเลข"]),
            texts(&["ร้องเพลง", "อ่านออกเสียง", "วาดภาพ"]),
        );
        let index = GramIndex::new(Fields {
            indicator: &indicator,
            standard: &standard,
            core_content: &core_content,
        });
        let (mut ind, mut std, mut content) = (vec![0.0; 2], vec![0.0; 1], vec![0.0; 3]);
        index.cosine(
            &index.query("อ่านออกเสียง"),
            Fields {
                indicator: &mut ind,
                standard: &mut std,
                core_content: &mut content,
            },
        );
        assert!((ind[0] - 1.0).abs() < 1e-5 && ind[1] == 0.0, "{ind:?}");
        assert_eq!(std, [0.0]);
        assert!((content[1] - 1.0).abs() < 1e-5, "{content:?}");
        assert_eq!((content[0], content[2]), (0.0, 0.0));
    }
}
