-- Demo database `city` for the local stack's MariaDB: checkpoints (卡口), vehicles, capture
-- records and IoT sensor readings, as a city traffic/environment platform would hold them.
-- Rows are generated deterministically so tests can count them:
--   district 16, camera 160, vehicle 2000, capture_record 5000, sensor 40, sensor_reading 3000.
-- `vehicle` is the mysql-cdc source of the CDC demo; PostgreSQL's `vehicle_sync` is its sink.
-- The schema mirrors resources/stack/seed/postgres.sql; keep the two in step.
-- Re-runnable: it drops and recreates its tables (the stack runs it once, on first init).

SET NAMES utf8mb4;
-- MariaDB 10.11 stops recursive CTEs after 1000 rows by default; the generators need more.
SET SESSION max_recursive_iterations = 100000;
CREATE DATABASE IF NOT EXISTS city DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
USE city;

DROP TABLE IF EXISTS sensor_reading;
DROP TABLE IF EXISTS sensor;
DROP TABLE IF EXISTS capture_record;
DROP TABLE IF EXISTS vehicle;
DROP TABLE IF EXISTS camera;
DROP TABLE IF EXISTS district;

CREATE TABLE district (
  district_code CHAR(6)       NOT NULL COMMENT '行政区划代码（GB/T 2260）',
  district_name VARCHAR(32)   NOT NULL COMMENT '行政区名称',
  city_name     VARCHAR(32)   NOT NULL COMMENT '所属城市',
  province_name VARCHAR(32)   NOT NULL COMMENT '所属省份',
  center_lng    DECIMAL(9, 6) NOT NULL COMMENT '中心点经度',
  center_lat    DECIMAL(9, 6) NOT NULL COMMENT '中心点纬度',
  created_at    DATETIME      NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT '创建时间',
  PRIMARY KEY (district_code)
) ENGINE = InnoDB COMMENT = '行政区';

INSERT INTO district (district_code, district_name, city_name, province_name, center_lng, center_lat, created_at) VALUES
  ('110101', '东城区',   '北京市', '北京市', 116.416357, 39.928353, '2024-01-01 00:00:00'),
  ('110102', '西城区',   '北京市', '北京市', 116.366794, 39.915309, '2024-01-01 00:00:00'),
  ('110105', '朝阳区',   '北京市', '北京市', 116.443108, 39.921470, '2024-01-01 00:00:00'),
  ('110106', '丰台区',   '北京市', '北京市', 116.286968, 39.863642, '2024-01-01 00:00:00'),
  ('110108', '海淀区',   '北京市', '北京市', 116.298056, 39.959912, '2024-01-01 00:00:00'),
  ('310101', '黄浦区',   '上海市', '上海市', 121.490317, 31.222771, '2024-01-01 00:00:00'),
  ('310104', '徐汇区',   '上海市', '上海市', 121.437430, 31.179973, '2024-01-01 00:00:00'),
  ('310115', '浦东新区', '上海市', '上海市', 121.544346, 31.221461, '2024-01-01 00:00:00'),
  ('330106', '西湖区',   '杭州市', '浙江省', 120.130396, 30.259242, '2024-01-01 00:00:00'),
  ('330110', '余杭区',   '杭州市', '浙江省', 119.978959, 30.273705, '2024-01-01 00:00:00'),
  ('440103', '荔湾区',   '广州市', '广东省', 113.244261, 23.125981, '2024-01-01 00:00:00'),
  ('440106', '天河区',   '广州市', '广东省', 113.361200, 23.124680, '2024-01-01 00:00:00'),
  ('440304', '福田区',   '深圳市', '广东省', 114.055036, 22.521530, '2024-01-01 00:00:00'),
  ('440305', '南山区',   '深圳市', '广东省', 113.930413, 22.533287, '2024-01-01 00:00:00'),
  ('510104', '锦江区',   '成都市', '四川省', 104.083347, 30.656049, '2024-01-01 00:00:00'),
  ('510107', '武侯区',   '成都市', '四川省', 104.043390, 30.641982, '2024-01-01 00:00:00');

CREATE TABLE camera (
  camera_id     CHAR(20)      NOT NULL COMMENT '设备编码（GB/T 28181，20位）',
  camera_name   VARCHAR(64)   NOT NULL COMMENT '点位名称',
  camera_type   VARCHAR(16)   NOT NULL COMMENT '设备类型：卡口/电子警察/治安监控',
  district_code CHAR(6)       NOT NULL COMMENT '所属行政区',
  road_name     VARCHAR(32)   NOT NULL COMMENT '所在道路',
  longitude     DECIMAL(9, 6) NOT NULL COMMENT '经度',
  latitude      DECIMAL(9, 6) NOT NULL COMMENT '纬度',
  lane_count    TINYINT       NOT NULL COMMENT '车道数',
  online        TINYINT(1)    NOT NULL COMMENT '是否在线：1在线 0离线',
  installed_at  DATETIME      NOT NULL COMMENT '安装时间',
  PRIMARY KEY (camera_id),
  KEY idx_camera_district (district_code)
) ENGINE = InnoDB COMMENT = '卡口/摄像头点位';

-- Camera n (1..160) sits in district 1 + (n-1) % 16 (districts ranked by code).
INSERT INTO camera (camera_id, camera_name, camera_type, district_code, road_name, longitude, latitude, lane_count, online, installed_at)
WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 160),
ranked AS (SELECT district_code, district_name, center_lng, center_lat, ROW_NUMBER() OVER (ORDER BY district_code) AS rn FROM district)
SELECT
  CONCAT(d.district_code, '00', '00', '132', '0', LPAD(s.n, 6, '0')),
  CONCAT(d.district_name, ELT(1 + s.n % 10, '长安街', '建国路', '中山路', '人民路', '解放路', '滨河路', '环城高速', '科技园路', '学院路', '机场路'),
         ELT(1 + s.n % 3, '卡口', '电子警察', '治安监控'), LPAD(s.n, 4, '0')),
  ELT(1 + s.n % 3, '卡口', '电子警察', '治安监控'),
  d.district_code,
  ELT(1 + s.n % 10, '长安街', '建国路', '中山路', '人民路', '解放路', '滨河路', '环城高速', '科技园路', '学院路', '机场路'),
  d.center_lng + ((s.n * 37) % 100 - 50) / 1000,
  d.center_lat + ((s.n * 53) % 100 - 50) / 1000,
  2 + s.n % 5,
  IF(s.n % 20 = 0, 0, 1),
  TIMESTAMP '2020-03-01 00:00:00' + INTERVAL s.n * 5 DAY
FROM seq s
JOIN ranked d ON d.rn = 1 + (s.n - 1) % 16;

CREATE TABLE vehicle (
  vehicle_id    BIGINT      NOT NULL COMMENT '车辆ID',
  plate_no      VARCHAR(16) NOT NULL COMMENT '号牌号码',
  plate_color   VARCHAR(8)  NOT NULL COMMENT '号牌颜色：蓝/黄/绿',
  vehicle_type  VARCHAR(16) NOT NULL COMMENT '车辆类型',
  brand         VARCHAR(32) NOT NULL COMMENT '品牌',
  body_color    VARCHAR(8)  NOT NULL COMMENT '车身颜色',
  owner_district CHAR(6)    NOT NULL COMMENT '登记行政区',
  registered_at DATETIME    NOT NULL COMMENT '注册登记日期',
  updated_at    DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3) COMMENT '最后更新时间',
  PRIMARY KEY (vehicle_id),
  UNIQUE KEY uk_vehicle_plate (plate_no)
) ENGINE = InnoDB COMMENT = '机动车登记信息（mysql-cdc 同步源表）';

-- Plates: province + city letter + 5 characters. Every 7th vehicle is new-energy (green, 6 characters).
INSERT INTO vehicle (vehicle_id, plate_no, plate_color, vehicle_type, brand, body_color, owner_district, registered_at, updated_at)
WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 2000),
ranked AS (SELECT district_code, ROW_NUMBER() OVER (ORDER BY district_code) AS rn FROM district)
SELECT
  s.n,
  CONCAT(ELT(1 + s.n % 10, '京A', '京B', '京N', '沪A', '沪B', '粤A', '粤B', '浙A', '川A', '苏E'),
         IF(s.n % 7 = 0, CONCAT('D', LPAD(s.n, 5, '0')),
            CONCAT(SUBSTRING('ABCEFGHJKLMNPQRSTUVWXYZ', 1 + (s.n DIV 10) % 23, 1), LPAD(s.n, 4, '0')))),
  CASE WHEN s.n % 7 = 0 THEN '绿' WHEN s.n % 6 IN (3, 4) THEN '黄' ELSE '蓝' END,
  ELT(1 + s.n % 6, '小型轿车', '小型越野车', '出租车', '重型货车', '公交车', '面包车'),
  ELT(1 + s.n % 8, '大众', '丰田', '比亚迪', '吉利', '本田', '长城', '五菱', '红旗'),
  ELT(1 + s.n % 5, '白', '黑', '银', '蓝', '红'),
  d.district_code,
  TIMESTAMP '2015-01-01 00:00:00' + INTERVAL (s.n * 3) % 3285 DAY,
  TIMESTAMP '2024-05-01 00:00:00' + INTERVAL s.n MINUTE
FROM seq s
JOIN ranked d ON d.rn = 1 + s.n % 16;

CREATE TABLE capture_record (
  record_id   BIGINT        NOT NULL COMMENT '过车记录ID',
  capture_time DATETIME(3)  NOT NULL COMMENT '抓拍时间',
  plate_no    VARCHAR(16)   NOT NULL COMMENT '号牌号码',
  plate_color VARCHAR(8)    NOT NULL COMMENT '号牌颜色',
  camera_id   CHAR(20)      NOT NULL COMMENT '抓拍设备编码',
  speed_kmh   DECIMAL(5, 1) NOT NULL COMMENT '车速（公里/小时）',
  direction   VARCHAR(8)    NOT NULL COMMENT '行驶方向',
  lane_no     TINYINT       NOT NULL COMMENT '车道号',
  image_url   VARCHAR(128)  NOT NULL COMMENT '过车图片地址',
  PRIMARY KEY (record_id),
  KEY idx_capture_time (capture_time),
  KEY idx_capture_plate (plate_no)
) ENGINE = InnoDB COMMENT = '过车记录';

-- One day of captures from 07:00, one every 17 s; vehicle and camera picked by arithmetic.
INSERT INTO capture_record (record_id, capture_time, plate_no, plate_color, camera_id, speed_kmh, direction, lane_no, image_url)
WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 5000),
cams AS (SELECT camera_id, ROW_NUMBER() OVER (ORDER BY camera_id) AS rn FROM camera)
SELECT
  s.n,
  TIMESTAMP '2024-06-01 07:00:00' + INTERVAL s.n * 17 SECOND,
  v.plate_no,
  v.plate_color,
  c.camera_id,
  20 + (s.n * 37) % 100 + (s.n % 10) / 10,
  ELT(1 + s.n % 4, '东向西', '西向东', '南向北', '北向南'),
  1 + (s.n DIV 4) % 4,
  CONCAT('/capture/20240601/', c.camera_id, '/', LPAD(s.n, 8, '0'), '.jpg')
FROM seq s
JOIN vehicle v ON v.vehicle_id = 1 + (s.n * 7) % 2000
JOIN cams c ON c.rn = 1 + (s.n * 13) % 160;

CREATE TABLE sensor (
  sensor_id     VARCHAR(16)   NOT NULL COMMENT '传感器编号',
  sensor_type   VARCHAR(16)   NOT NULL COMMENT '类型：air_quality 空气质量 / water_level 水位',
  sensor_name   VARCHAR(64)   NOT NULL COMMENT '监测点名称',
  district_code CHAR(6)       NOT NULL COMMENT '所属行政区',
  longitude     DECIMAL(9, 6) NOT NULL COMMENT '经度',
  latitude      DECIMAL(9, 6) NOT NULL COMMENT '纬度',
  PRIMARY KEY (sensor_id)
) ENGINE = InnoDB COMMENT = '物联网传感器';

-- Sensors 1..20 measure air quality, 21..40 water level.
INSERT INTO sensor (sensor_id, sensor_type, sensor_name, district_code, longitude, latitude)
WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 40),
ranked AS (SELECT district_code, district_name, center_lng, center_lat, ROW_NUMBER() OVER (ORDER BY district_code) AS rn FROM district)
SELECT
  CONCAT(IF(s.n <= 20, 'AQ', 'WL'), LPAD(s.n, 4, '0')),
  IF(s.n <= 20, 'air_quality', 'water_level'),
  CONCAT(d.district_name, IF(s.n <= 20, '空气质量监测站', '河道水位监测点'), LPAD(s.n, 2, '0')),
  d.district_code,
  d.center_lng + ((s.n * 41) % 100 - 50) / 1000,
  d.center_lat + ((s.n * 29) % 100 - 50) / 1000
FROM seq s
JOIN ranked d ON d.rn = 1 + s.n % 16;

CREATE TABLE sensor_reading (
  reading_id    BIGINT        NOT NULL COMMENT '读数ID',
  sensor_id     VARCHAR(16)   NOT NULL COMMENT '传感器编号',
  read_time     DATETIME      NOT NULL COMMENT '采集时间',
  aqi           SMALLINT      NULL COMMENT '空气质量指数（水位传感器为空）',
  pm25          DECIMAL(6, 1) NULL COMMENT 'PM2.5（微克/立方米）',
  pm10          DECIMAL(6, 1) NULL COMMENT 'PM10（微克/立方米）',
  water_level_m DECIMAL(6, 2) NULL COMMENT '水位（米，空气传感器为空）',
  battery_pct   TINYINT       NOT NULL COMMENT '电池电量（%）',
  alarm         TINYINT(1)    NOT NULL COMMENT '是否告警：AQI>150 或 水位>4.5米',
  PRIMARY KEY (reading_id),
  KEY idx_reading_sensor_time (sensor_id, read_time)
) ENGINE = InnoDB COMMENT = '传感器读数';

-- 75 rounds of the 40 sensors, every 20 minutes from midnight.
INSERT INTO sensor_reading (reading_id, sensor_id, read_time, aqi, pm25, pm10, water_level_m, battery_pct, alarm)
WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 3000),
g AS (SELECT n, 1 + (n - 1) % 40 AS k, (n - 1) DIV 40 AS round_no FROM seq)
SELECT
  g.n,
  CONCAT(IF(g.k <= 20, 'AQ', 'WL'), LPAD(g.k, 4, '0')),
  TIMESTAMP '2024-06-01 00:00:00' + INTERVAL g.round_no * 20 MINUTE,
  IF(g.k <= 20, 30 + (g.n * 13) % 170, NULL),
  IF(g.k <= 20, 8 + (g.n * 7) % 140 + (g.n % 10) / 10, NULL),
  IF(g.k <= 20, 20 + (g.n * 11) % 200 + (g.n % 10) / 10, NULL),
  IF(g.k <= 20, NULL, 2 + ((g.n * 17) % 300) / 100),
  100 - g.round_no DIV 2 - g.k % 10,
  IF(g.k <= 20, 30 + (g.n * 13) % 170 > 150, 2 + ((g.n * 17) % 300) / 100 > 4.5)
FROM g;
