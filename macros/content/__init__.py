"""The site's own content: reception scripts and 接待速查 (reception), the referral directory
(referrals), each township's settings (township), the glossary, the quiz bank (quiz_model) and
its pages (quiz_render), the 公文 templates and forms as data (templatedata), as HTML
(templatehtml) and as Word files (docx)."""
