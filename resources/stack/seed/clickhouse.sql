-- Sink tables in the local stack's ClickHouse: where Flink SQL jobs write capture records
-- read from Kafka and their per-minute aggregates. Statements are sent one by one over HTTP
-- (each ends with `;` at the end of a line). ClickHouse 18.16 (Debian bookworm) accepts
-- column COMMENTs but no table comment, and has no DateTime64: times are DateTime (seconds).

CREATE DATABASE IF NOT EXISTS city;

CREATE TABLE IF NOT EXISTS city.capture_record (
  record_id    UInt64   COMMENT '过车记录ID',
  capture_time DateTime COMMENT '抓拍时间',
  plate_no     String   COMMENT '号牌号码',
  plate_color  String   COMMENT '号牌颜色',
  camera_id    String   COMMENT '抓拍设备编码（GB/T 28181）',
  speed_kmh    Float32  COMMENT '车速（公里/小时）',
  direction    String   COMMENT '行驶方向',
  lane_no      UInt8    COMMENT '车道号'
) ENGINE = MergeTree()
PARTITION BY toYYYYMMDD(capture_time)
ORDER BY (camera_id, capture_time, record_id);

CREATE TABLE IF NOT EXISTS city.capture_record_agg (
  window_start  DateTime COMMENT '统计窗口开始时间（1分钟滚动窗口）',
  window_end    DateTime COMMENT '统计窗口结束时间',
  camera_id     String   COMMENT '抓拍设备编码',
  district_code String   COMMENT '行政区划代码',
  vehicle_count UInt64   COMMENT '过车数',
  avg_speed_kmh Float64  COMMENT '平均车速（公里/小时）',
  max_speed_kmh Float64  COMMENT '最高车速（公里/小时）'
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMMDD(window_start)
ORDER BY (camera_id, window_start);
