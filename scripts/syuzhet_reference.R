# Write tests/data/syuzhet_reference.json: reference numbers from the real syuzhet and dtt code,
# used by tests/test_smoothing.py to check arc.smoothing against them (tolerance 1e-9).
#
# Usage (R >= 4, no CRAN access needed):
#
#   git clone https://github.com/cran/dtt            # dtt 0.1-2.1, pure R
#   git clone https://github.com/mjockers/syuzhet
#   R CMD INSTALL -l /tmp/rlib dtt                   # a real install of dtt from its source
#   R_LIBS=/tmp/rlib SYUZHET_COMMIT=<sha> DTT_COMMIT=<sha> \
#     Rscript scripts/syuzhet_reference.R syuzhet/R/syuzhet.R tests/data/syuzhet_reference.json
#
# syuzhet itself is not installed (it imports packages CRAN would have to supply); its R file is
# source()d, which only defines functions. get_dct_transform() calls dtt::dct from the installed
# dtt; get_percentage_values() and rescale() are syuzhet's own code. Numbers are written with
# sprintf("%.17g") so they round-trip exactly to IEEE doubles (no jsonlite needed).

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 1) stop("usage: Rscript syuzhet_reference.R path/to/syuzhet.R [out.json]")
syuzhet_file <- args[1]
out_file <- if (length(args) >= 2) args[2] else "tests/data/syuzhet_reference.json"

if (!requireNamespace("dtt", quietly = TRUE)) stop("install dtt first: R CMD INSTALL -l LIB dtt")
source(syuzhet_file, local = TRUE)

# ---------------------------------------------------------------- inputs (no RNG: exact formulas)
i237 <- 1:237
inputs <- list(
  sine_noise_237 = sin(2 * pi * 1.5 * i237 / 237) + 0.3 * sin(i237 * 12.9898) +
    0.2 * cos(i237^2 * 0.37),
  short_10 = c(0.5, -0.25, 1, 0, 0.75, -1, 0.1, 0.6, -0.4, 0.3),
  example_12 = c(0.0, 0.101, 0.0516, 0.6115, 0.0, -0.5256, 0.0, -0.7783, -0.5423, 0.4588,
                 0.7698, 0.636),
  ramp_201 = ((1:201) %% 7) / 7 - 0.5 + (1:201) / 201,
  ramp_101 = cos((1:101) / 5),
  ramp_150 = sin((1:150) / 9) + ((1:150) %% 3) / 10
)

# ---------------------------------------------------------------- cases
dct_cases <- list(
  list(input = "sine_noise_237", low_pass_size = 5, x_reverse_len = 100, scale_vals = FALSE,
       scale_range = FALSE),
  list(input = "sine_noise_237", low_pass_size = 3, x_reverse_len = 50, scale_vals = FALSE,
       scale_range = FALSE),
  list(input = "sine_noise_237", low_pass_size = 5, x_reverse_len = 100, scale_vals = FALSE,
       scale_range = TRUE),
  list(input = "sine_noise_237", low_pass_size = 5, x_reverse_len = 100, scale_vals = TRUE,
       scale_range = FALSE),
  list(input = "sine_noise_237", low_pass_size = 10, x_reverse_len = 237, scale_vals = FALSE,
       scale_range = FALSE),
  list(input = "short_10", low_pass_size = 5, x_reverse_len = 100, scale_vals = FALSE,
       scale_range = FALSE),
  list(input = "short_10", low_pass_size = 3, x_reverse_len = 50, scale_vals = FALSE,
       scale_range = FALSE),
  list(input = "short_10", low_pass_size = 10, x_reverse_len = 10, scale_vals = FALSE,
       scale_range = FALSE),
  list(input = "short_10", low_pass_size = 5, x_reverse_len = 100, scale_vals = FALSE,
       scale_range = TRUE),
  list(input = "short_10", low_pass_size = 5, x_reverse_len = 100, scale_vals = TRUE,
       scale_range = FALSE),
  list(input = "example_12", low_pass_size = 5, x_reverse_len = 100, scale_vals = FALSE,
       scale_range = FALSE),
  list(input = "example_12", low_pass_size = 3, x_reverse_len = 50, scale_vals = FALSE,
       scale_range = FALSE),
  list(input = "example_12", low_pass_size = 5, x_reverse_len = 100, scale_vals = FALSE,
       scale_range = TRUE),
  list(input = "example_12", low_pass_size = 5, x_reverse_len = 100, scale_vals = TRUE,
       scale_range = FALSE)
)

# via = "get_percentage_values": syuzhet's function (it refuses length(x)/bins < 2);
# via = "cut": its body, sapply(split(x, cut(1:length(x), bins)), mean), for shorter inputs.
pct_cases <- list(
  list(input = "sine_noise_237", bins = 10, via = "get_percentage_values"),
  list(input = "sine_noise_237", bins = 20, via = "get_percentage_values"),
  list(input = "sine_noise_237", bins = 100, via = "get_percentage_values"),
  list(input = "example_12", bins = 5, via = "get_percentage_values"),
  list(input = "ramp_201", bins = 100, via = "get_percentage_values"),
  list(input = "ramp_201", bins = 10, via = "get_percentage_values"),
  list(input = "ramp_101", bins = 100, via = "cut"),
  list(input = "ramp_150", bins = 100, via = "cut"),
  list(input = "short_10", bins = 10, via = "cut"),
  list(input = "short_10", bins = 3, via = "cut"),
  list(input = "example_12", bins = 7, via = "cut")
)

# ---------------------------------------------------------------- JSON by hand
num <- function(v) {
  v <- as.numeric(v)
  if (any(!is.finite(v))) stop("non-finite value")
  paste0("[", paste(sprintf("%.17g", v), collapse = ", "), "]")
}
str_ <- function(s) paste0("\"", gsub("\"", "\\\\\"", s), "\"")
lgl <- function(b) if (isTRUE(b)) "true" else "false"

dct_json <- vapply(dct_cases, function(cs) {
  out <- get_dct_transform(inputs[[cs$input]], low_pass_size = cs$low_pass_size,
                           x_reverse_len = cs$x_reverse_len, scale_vals = cs$scale_vals,
                           scale_range = cs$scale_range)
  paste0("    {\"input\": ", str_(cs$input),
         ", \"low_pass_size\": ", cs$low_pass_size,
         ", \"x_reverse_len\": ", cs$x_reverse_len,
         ", \"scale_vals\": ", lgl(cs$scale_vals),
         ", \"scale_range\": ", lgl(cs$scale_range),
         ",\n     \"output\": ", num(out), "}")
}, character(1))

pct_json <- vapply(pct_cases, function(cs) {
  x <- inputs[[cs$input]]
  out <- if (cs$via == "get_percentage_values") {
    get_percentage_values(x, bins = cs$bins)
  } else {
    sapply(split(x, cut(seq_along(x), cs$bins)), mean)
  }
  if (length(out) != cs$bins) stop("wrong number of bins")
  paste0("    {\"input\": ", str_(cs$input), ", \"bins\": ", cs$bins,
         ", \"via\": ", str_(cs$via), ",\n     \"output\": ", num(out), "}")
}, character(1))

inputs_json <- vapply(names(inputs), function(nm) {
  paste0("    ", str_(nm), ": ", num(inputs[[nm]]))
}, character(1))

env_or <- function(name) {
  v <- Sys.getenv(name)
  if (nzchar(v)) v else "unknown"
}
lines <- c(
  "{",
  paste0("  \"generator\": \"scripts/syuzhet_reference.R\","),
  paste0("  \"r_version\": ", str_(R.version.string), ","),
  paste0("  \"dtt_version\": ", str_(as.character(utils::packageVersion("dtt"))), ","),
  paste0("  \"dtt_commit\": ", str_(env_or("DTT_COMMIT")), ","),
  paste0("  \"syuzhet_commit\": ", str_(env_or("SYUZHET_COMMIT")), ","),
  "  \"inputs\": {",
  paste(inputs_json, collapse = ",\n"),
  "  },",
  "  \"get_dct_transform\": [",
  paste(dct_json, collapse = ",\n"),
  "  ],",
  "  \"get_percentage_values\": [",
  paste(pct_json, collapse = ",\n"),
  "  ]",
  "}"
)
writeLines(lines, out_file)
cat("wrote", out_file, "\n")
