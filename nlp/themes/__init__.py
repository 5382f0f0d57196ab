"""Theme stage: the BERTopic method over cached embeddings, with Swedish topic words.

Input is pseudonymised text only. One concern per module:
- `fit`: parameters from corpus size, clustering, outlier reduction, assignments;
- `topic_model`: BERTopic's c-TF-IDF, outlier reduction and approximate distribution, ported
  so that no fit imports the bertopic package (and with it torch);
- `representation`: Swedish topic words, labels and example answers;
- `trends`: shares per period and emerging themes from a p-chart;
- `views`: the shared view with small groups hidden (fit_themes gives the analyst's own);
- `edits`: human work on themes (names, merges, splits) carried over to a refit;
- `project`: a project's themes across imports (stable keys, incremental imports, refits);
- `timeline`: new and growing themes over every period of every import;
- `naming`: names from keyphrases of the theme's own answers;
- `named`: a fit's themes named like a project's, after the majority taxonomy label.
"""

from nlp.core import OTHER_THEME
from nlp.themes.edits import (
    apply_theme_edits,
    edit_merge,
    edit_name,
    edit_split,
    match_theme,
)
from nlp.themes.fit import choose_parameters, exact_knn, fit_themes
from nlp.themes.named import label_titles, majority_label, name_result
from nlp.themes.naming import name_stop_words, name_themes, phrase_name
from nlp.themes.project import (
    ProjectTheme,
    ProjectThemes,
    assign,
    extend,
    from_fit,
    split_parts,
    split_theme,
)
from nlp.themes.refit import match_refit, second_opinion, second_opinions
from nlp.themes.representation import make_label, stop_words, swedish_tokens, theme_info, topic_words
from nlp.themes.result import OTHER_LABEL, ThemeInfo, ThemeResult
from nlp.themes.timeline import project_signals
from nlp.themes.trends import detect_emerging, over_time, refresh_time_series
from nlp.themes.views import recompute_sizes, shared_view

__all__ = [
    "OTHER_THEME",
    "ProjectTheme",
    "ProjectThemes",
    "assign",
    "extend",
    "from_fit",
    "label_titles",
    "majority_label",
    "match_refit",
    "name_result",
    "name_stop_words",
    "name_themes",
    "phrase_name",
    "project_signals",
    "second_opinion",
    "second_opinions",
    "split_parts",
    "split_theme",
    "theme_info",
    "topic_words",
    "OTHER_LABEL",
    "ThemeInfo",
    "ThemeResult",
    "apply_theme_edits",
    "choose_parameters",
    "detect_emerging",
    "edit_merge",
    "edit_name",
    "edit_split",
    "exact_knn",
    "fit_themes",
    "make_label",
    "match_theme",
    "over_time",
    "recompute_sizes",
    "refresh_time_series",
    "shared_view",
    "stop_words",
    "swedish_tokens",
]
