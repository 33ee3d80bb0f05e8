// ogi: read China's government information disclosure annual reports
// (政府信息公开工作年度报告) into verified data. Umbrella header.
#pragma once

#include "ogi/catalogue.hpp"
#include "ogi/check.hpp"
#include "ogi/decimal.hpp"
#include "ogi/export.hpp"
#include "ogi/parse.hpp"
#include "ogi/report.hpp"
#include "ogi/result.hpp"
#include "ogi/span.hpp"
#include "ogi/version.hpp"
