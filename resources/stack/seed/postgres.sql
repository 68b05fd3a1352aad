-- Demo database `city` for the local stack's PostgreSQL: checkpoints (卡口), vehicles, capture
-- records and IoT sensor readings, as a city traffic/environment platform would hold them.
-- Rows are generated deterministically so tests can count them:
--   district 16, camera 160, vehicle 2000, capture_record 5000, sensor 40, sensor_reading 3000,
--   vehicle_sync 0 (the sink of the CDC demo: MariaDB city.vehicle → Flink mysql-cdc → here).
-- The schema and the generated values mirror resources/stack/seed/mariadb.sql; keep the two in step.
-- Run connected to database `city`, in one transaction; re-runnable (drops and recreates).

SET client_encoding = 'UTF8';

DROP TABLE IF EXISTS vehicle_sync, sensor_reading, sensor, capture_record, vehicle, camera, district;

CREATE TABLE district (
  district_code char(6)       NOT NULL PRIMARY KEY,
  district_name varchar(32)   NOT NULL,
  city_name     varchar(32)   NOT NULL,
  province_name varchar(32)   NOT NULL,
  center_lng    numeric(9, 6) NOT NULL,
  center_lat    numeric(9, 6) NOT NULL,
  created_at    timestamp(0)  NOT NULL DEFAULT now()
);
COMMENT ON TABLE district IS '行政区';
COMMENT ON COLUMN district.district_code IS '行政区划代码（GB/T 2260）';
COMMENT ON COLUMN district.district_name IS '行政区名称';
COMMENT ON COLUMN district.city_name IS '所属城市';
COMMENT ON COLUMN district.province_name IS '所属省份';
COMMENT ON COLUMN district.center_lng IS '中心点经度';
COMMENT ON COLUMN district.center_lat IS '中心点纬度';
COMMENT ON COLUMN district.created_at IS '创建时间';

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
  camera_id     char(20)      NOT NULL PRIMARY KEY,
  camera_name   varchar(64)   NOT NULL,
  camera_type   varchar(16)   NOT NULL,
  district_code char(6)       NOT NULL,
  road_name     varchar(32)   NOT NULL,
  longitude     numeric(9, 6) NOT NULL,
  latitude      numeric(9, 6) NOT NULL,
  lane_count    smallint      NOT NULL,
  online        boolean       NOT NULL,
  installed_at  timestamp(0)  NOT NULL
);
CREATE INDEX idx_camera_district ON camera (district_code);
COMMENT ON TABLE camera IS '卡口/摄像头点位';
COMMENT ON COLUMN camera.camera_id IS '设备编码（GB/T 28181，20位）';
COMMENT ON COLUMN camera.camera_name IS '点位名称';
COMMENT ON COLUMN camera.camera_type IS '设备类型：卡口/电子警察/治安监控';
COMMENT ON COLUMN camera.district_code IS '所属行政区';
COMMENT ON COLUMN camera.road_name IS '所在道路';
COMMENT ON COLUMN camera.longitude IS '经度';
COMMENT ON COLUMN camera.latitude IS '纬度';
COMMENT ON COLUMN camera.lane_count IS '车道数';
COMMENT ON COLUMN camera.online IS '是否在线';
COMMENT ON COLUMN camera.installed_at IS '安装时间';

-- Camera n (1..160) sits in district 1 + (n-1) % 16 (districts ranked by code).
WITH ranked AS (
  SELECT district_code, district_name, center_lng, center_lat, row_number() OVER (ORDER BY district_code) AS rn FROM district
), s AS (
  SELECT n,
         (ARRAY['长安街', '建国路', '中山路', '人民路', '解放路', '滨河路', '环城高速', '科技园路', '学院路', '机场路'])[1 + n % 10] AS road,
         (ARRAY['卡口', '电子警察', '治安监控'])[1 + n % 3] AS kind
  FROM generate_series(1, 160) AS n
)
INSERT INTO camera (camera_id, camera_name, camera_type, district_code, road_name, longitude, latitude, lane_count, online, installed_at)
SELECT
  d.district_code || '00' || '00' || '132' || '0' || lpad(s.n::text, 6, '0'),
  d.district_name || s.road || s.kind || lpad(s.n::text, 4, '0'),
  s.kind,
  d.district_code,
  s.road,
  d.center_lng + ((s.n * 37) % 100 - 50) / 1000.0,
  d.center_lat + ((s.n * 53) % 100 - 50) / 1000.0,
  2 + s.n % 5,
  s.n % 20 <> 0,
  timestamp '2020-03-01 00:00:00' + s.n * interval '5 days'
FROM s
JOIN ranked d ON d.rn = 1 + (s.n - 1) % 16;

CREATE TABLE vehicle (
  vehicle_id     bigint       NOT NULL PRIMARY KEY,
  plate_no       varchar(16)  NOT NULL UNIQUE,
  plate_color    varchar(8)   NOT NULL,
  vehicle_type   varchar(16)  NOT NULL,
  brand          varchar(32)  NOT NULL,
  body_color     varchar(8)   NOT NULL,
  owner_district char(6)      NOT NULL,
  registered_at  timestamp(0) NOT NULL,
  updated_at     timestamp(3) NOT NULL DEFAULT now()
);
COMMENT ON TABLE vehicle IS '机动车登记信息';
COMMENT ON COLUMN vehicle.vehicle_id IS '车辆ID';
COMMENT ON COLUMN vehicle.plate_no IS '号牌号码';
COMMENT ON COLUMN vehicle.plate_color IS '号牌颜色：蓝/黄/绿';
COMMENT ON COLUMN vehicle.vehicle_type IS '车辆类型';
COMMENT ON COLUMN vehicle.brand IS '品牌';
COMMENT ON COLUMN vehicle.body_color IS '车身颜色';
COMMENT ON COLUMN vehicle.owner_district IS '登记行政区';
COMMENT ON COLUMN vehicle.registered_at IS '注册登记日期';
COMMENT ON COLUMN vehicle.updated_at IS '最后更新时间';

-- Plates: province + city letter + 5 characters. Every 7th vehicle is new-energy (green, 6 characters).
WITH ranked AS (
  SELECT district_code, row_number() OVER (ORDER BY district_code) AS rn FROM district
)
INSERT INTO vehicle (vehicle_id, plate_no, plate_color, vehicle_type, brand, body_color, owner_district, registered_at, updated_at)
SELECT
  n,
  (ARRAY['京A', '京B', '京N', '沪A', '沪B', '粤A', '粤B', '浙A', '川A', '苏E'])[1 + n % 10]
    || CASE WHEN n % 7 = 0 THEN 'D' || lpad(n::text, 5, '0')
            ELSE substr('ABCEFGHJKLMNPQRSTUVWXYZ', 1 + (n / 10) % 23, 1) || lpad(n::text, 4, '0') END,
  CASE WHEN n % 7 = 0 THEN '绿' WHEN n % 6 IN (3, 4) THEN '黄' ELSE '蓝' END,
  (ARRAY['小型轿车', '小型越野车', '出租车', '重型货车', '公交车', '面包车'])[1 + n % 6],
  (ARRAY['大众', '丰田', '比亚迪', '吉利', '本田', '长城', '五菱', '红旗'])[1 + n % 8],
  (ARRAY['白', '黑', '银', '蓝', '红'])[1 + n % 5],
  d.district_code,
  timestamp '2015-01-01 00:00:00' + ((n * 3) % 3285) * interval '1 day',
  timestamp '2024-05-01 00:00:00' + n * interval '1 minute'
FROM generate_series(1, 2000) AS n
JOIN ranked d ON d.rn = 1 + n % 16;

-- Sink of the CDC demo; same columns as MariaDB's city.vehicle.
CREATE TABLE vehicle_sync (LIKE vehicle INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
COMMENT ON TABLE vehicle_sync IS '机动车登记信息（由 MariaDB city.vehicle 经 Flink CDC 同步）';

CREATE TABLE capture_record (
  record_id    bigint        NOT NULL PRIMARY KEY,
  capture_time timestamp(3)  NOT NULL,
  plate_no     varchar(16)   NOT NULL,
  plate_color  varchar(8)    NOT NULL,
  camera_id    char(20)      NOT NULL,
  speed_kmh    numeric(5, 1) NOT NULL,
  direction    varchar(8)    NOT NULL,
  lane_no      smallint      NOT NULL,
  image_url    varchar(128)  NOT NULL
);
CREATE INDEX idx_capture_time ON capture_record (capture_time);
CREATE INDEX idx_capture_plate ON capture_record (plate_no);
COMMENT ON TABLE capture_record IS '过车记录';
COMMENT ON COLUMN capture_record.record_id IS '过车记录ID';
COMMENT ON COLUMN capture_record.capture_time IS '抓拍时间';
COMMENT ON COLUMN capture_record.plate_no IS '号牌号码';
COMMENT ON COLUMN capture_record.plate_color IS '号牌颜色';
COMMENT ON COLUMN capture_record.camera_id IS '抓拍设备编码';
COMMENT ON COLUMN capture_record.speed_kmh IS '车速（公里/小时）';
COMMENT ON COLUMN capture_record.direction IS '行驶方向';
COMMENT ON COLUMN capture_record.lane_no IS '车道号';
COMMENT ON COLUMN capture_record.image_url IS '过车图片地址';

-- One day of captures from 07:00, one every 17 s; vehicle and camera picked by arithmetic.
WITH cams AS (
  SELECT camera_id, row_number() OVER (ORDER BY camera_id) AS rn FROM camera
)
INSERT INTO capture_record (record_id, capture_time, plate_no, plate_color, camera_id, speed_kmh, direction, lane_no, image_url)
SELECT
  n,
  timestamp '2024-06-01 07:00:00' + n * interval '17 seconds',
  v.plate_no,
  v.plate_color,
  c.camera_id,
  20 + (n * 37) % 100 + (n % 10) / 10.0,
  (ARRAY['东向西', '西向东', '南向北', '北向南'])[1 + n % 4],
  1 + (n / 4) % 4,
  '/capture/20240601/' || c.camera_id || '/' || lpad(n::text, 8, '0') || '.jpg'
FROM generate_series(1, 5000) AS n
JOIN vehicle v ON v.vehicle_id = 1 + (n * 7) % 2000
JOIN cams c ON c.rn = 1 + (n * 13) % 160;

CREATE TABLE sensor (
  sensor_id     varchar(16)   NOT NULL PRIMARY KEY,
  sensor_type   varchar(16)   NOT NULL,
  sensor_name   varchar(64)   NOT NULL,
  district_code char(6)       NOT NULL,
  longitude     numeric(9, 6) NOT NULL,
  latitude      numeric(9, 6) NOT NULL
);
COMMENT ON TABLE sensor IS '物联网传感器';
COMMENT ON COLUMN sensor.sensor_id IS '传感器编号';
COMMENT ON COLUMN sensor.sensor_type IS '类型：air_quality 空气质量 / water_level 水位';
COMMENT ON COLUMN sensor.sensor_name IS '监测点名称';
COMMENT ON COLUMN sensor.district_code IS '所属行政区';
COMMENT ON COLUMN sensor.longitude IS '经度';
COMMENT ON COLUMN sensor.latitude IS '纬度';

-- Sensors 1..20 measure air quality, 21..40 water level.
WITH ranked AS (
  SELECT district_code, district_name, center_lng, center_lat, row_number() OVER (ORDER BY district_code) AS rn FROM district
)
INSERT INTO sensor (sensor_id, sensor_type, sensor_name, district_code, longitude, latitude)
SELECT
  CASE WHEN n <= 20 THEN 'AQ' ELSE 'WL' END || lpad(n::text, 4, '0'),
  CASE WHEN n <= 20 THEN 'air_quality' ELSE 'water_level' END,
  d.district_name || CASE WHEN n <= 20 THEN '空气质量监测站' ELSE '河道水位监测点' END || lpad(n::text, 2, '0'),
  d.district_code,
  d.center_lng + ((n * 41) % 100 - 50) / 1000.0,
  d.center_lat + ((n * 29) % 100 - 50) / 1000.0
FROM generate_series(1, 40) AS n
JOIN ranked d ON d.rn = 1 + n % 16;

CREATE TABLE sensor_reading (
  reading_id    bigint        NOT NULL PRIMARY KEY,
  sensor_id     varchar(16)   NOT NULL,
  read_time     timestamp(0)  NOT NULL,
  aqi           smallint,
  pm25          numeric(6, 1),
  pm10          numeric(6, 1),
  water_level_m numeric(6, 2),
  battery_pct   smallint      NOT NULL,
  alarm         boolean       NOT NULL
);
CREATE INDEX idx_reading_sensor_time ON sensor_reading (sensor_id, read_time);
COMMENT ON TABLE sensor_reading IS '传感器读数';
COMMENT ON COLUMN sensor_reading.reading_id IS '读数ID';
COMMENT ON COLUMN sensor_reading.sensor_id IS '传感器编号';
COMMENT ON COLUMN sensor_reading.read_time IS '采集时间';
COMMENT ON COLUMN sensor_reading.aqi IS '空气质量指数（水位传感器为空）';
COMMENT ON COLUMN sensor_reading.pm25 IS 'PM2.5（微克/立方米）';
COMMENT ON COLUMN sensor_reading.pm10 IS 'PM10（微克/立方米）';
COMMENT ON COLUMN sensor_reading.water_level_m IS '水位（米，空气传感器为空）';
COMMENT ON COLUMN sensor_reading.battery_pct IS '电池电量（%）';
COMMENT ON COLUMN sensor_reading.alarm IS '是否告警：AQI>150 或 水位>4.5米';

-- 75 rounds of the 40 sensors, every 20 minutes from midnight.
INSERT INTO sensor_reading (reading_id, sensor_id, read_time, aqi, pm25, pm10, water_level_m, battery_pct, alarm)
SELECT
  n,
  CASE WHEN k <= 20 THEN 'AQ' ELSE 'WL' END || lpad(k::text, 4, '0'),
  timestamp '2024-06-01 00:00:00' + round_no * interval '20 minutes',
  CASE WHEN k <= 20 THEN 30 + (n * 13) % 170 END,
  CASE WHEN k <= 20 THEN 8 + (n * 7) % 140 + (n % 10) / 10.0 END,
  CASE WHEN k <= 20 THEN 20 + (n * 11) % 200 + (n % 10) / 10.0 END,
  CASE WHEN k > 20 THEN 2 + ((n * 17) % 300) / 100.0 END,
  100 - round_no / 2 - k % 10,
  CASE WHEN k <= 20 THEN 30 + (n * 13) % 170 > 150 ELSE 2 + ((n * 17) % 300) / 100.0 > 4.5 END
FROM (SELECT n, 1 + (n - 1) % 40 AS k, (n - 1) / 40 AS round_no FROM generate_series(1, 3000) AS n) AS g;

-- Before-images of updates and deletes in the logical replication stream (postgres-cdc).
ALTER TABLE vehicle REPLICA IDENTITY FULL;
ALTER TABLE capture_record REPLICA IDENTITY FULL;
ALTER TABLE sensor_reading REPLICA IDENTITY FULL;

ANALYZE;
