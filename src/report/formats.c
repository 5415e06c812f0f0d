/* formats.c - the table of report formats `--format` accepts. */
#include <string.h>

#include "report.h"

static const report_format formats[] = {
    {"text", report_text},     {"json", report_json},   {"sarif", report_sarif},
    {"csv", report_csv},       {"github", report_github}, {"junit", report_junit},
    {"gitlab", report_gitlab}, {"html", report_html},
};

const report_format *report_find_format(const char *name)
{
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(formats[i].name, name) == 0)
            return &formats[i];
    return NULL;
}

const char *report_format_names(void)
{
    return "text, json, sarif, csv, github, junit, gitlab or html";
}
