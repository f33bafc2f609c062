//! Indicator codes (รหัสตัวชี้วัด) such as `ท 1.1 ป.4/1`. (Being written.)
