"""History registration shared by every app whose records are versioned."""


def record_history(model, label, **options):
    """Keep the history of a model whose texts are translated.

    The history model copies the model's fields when it is created, so for
    these models it is created here, once django-modeltranslation (an earlier
    app) has added a column per language: every translation is then versioned
    like the Korean text. The plain column, a copy of the Korean one, is left
    out so that a change is not listed twice.
    """
    import simple_history
    from modeltranslation.translator import translator

    simple_history.register(
        model,
        verbose_name=label,
        verbose_name_plural=label,
        excluded_fields=list(translator.get_options_for_model(model).fields),
        **options,
    )
